package io.switchboard.contacts.contact;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.contacts.settings.ContactSettingsRepository;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.contact.ContactCreatedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.persistence.UniqueConstraints;
import io.switchboard.platform.phone.PhoneNumbers;
import io.switchboard.platform.problem.ProblemException;

@ApplicationScoped
@Transactional
public class ContactService {

    private static final Logger LOG = Logger.getLogger(ContactService.class);

    /** The unique (tenant_id, phone) constraint in V1__contacts.sql. */
    static final String PHONE_UNIQUE = "contact_tenant_phone_unique";

    @Inject
    ContactRepository contacts;

    @Inject
    Outbox outbox;

    @Inject
    ContactSettingsRepository settings;

    public ContactView create(UUID tenantId, CreateContactRequest request) {
        String phone = PhoneNumbers.e164(request.phone())
                .orElseThrow(() -> ProblemException.badField("phone", "must be a valid international number like +14155550123"));
        contacts.findByPhone(tenantId, phone).ifPresent(existing -> {
            throw ProblemException.conflict("contact " + existing.id + " already has this phone number");
        });

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.tenantId = tenantId;
        contact.phone = phone;
        contact.firstName = blankToNull(request.firstName());
        contact.lastName = blankToNull(request.lastName());
        contact.email = blankToNull(request.email());
        contact.timeZone = blankToNull(request.timeZone());
        DialingTimeZones zones = DialingTimeZones.resolve(contact.timeZone, phone, settings.forTenant(tenantId).defaultTimeZone);
        contact.timeZones = new java.util.ArrayList<>(zones.zones());
        contact.timeZoneSource = zones.source();
        contact.createdAt = now;
        contact.updatedAt = now;
        // flush now so a concurrent insert of the same key surfaces here as a 409, not at commit as a 500
        UniqueConstraints.insertOrConflict(() -> {
            contacts.persist(contact);
            contacts.flush();
        }, PHONE_UNIQUE, "another contact already has this phone number");

        outbox.publish(EventCatalog.CONTACT_CREATED, tenantId, new ContactCreatedV1(contact.id.toString(), contact.phone,
                contact.firstName, contact.lastName, contact.timeZone, now.toInstant()));
        LOG.infof("contact created tenant=%s contact=%s", tenantId, contact.id);
        return ContactView.of(contact);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactView get(UUID tenantId, UUID id) {
        return contacts.findForTenant(tenantId, id).map(ContactView::of)
                .orElseThrow(() -> ProblemException.notFound("contact", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ContactView> list(UUID tenantId, PageRequest page) {
        return Page.of(contacts.listForTenant(tenantId, page), page, row -> Cursor.of(row.createdAt, row.id), ContactView::of);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
