package io.switchboard.contacts.contact;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.contact.ContactCreatedV1;
import io.switchboard.platform.outbox.Outbox;
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
        contact.createdAt = now;
        contact.updatedAt = now;
        insert(contact);

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
    public List<ContactView> list(UUID tenantId, int page, int size) {
        return contacts.listForTenant(tenantId, page, size).stream().map(ContactView::of).toList();
    }

    /**
     * Flushes now so a concurrent request that inserted the same phone after our check surfaces here,
     * as a 409, rather than at commit as a 500. The transaction is rolled back either way.
     */
    private void insert(Contact contact) {
        try {
            contacts.persist(contact);
            contacts.flush();
        } catch (PersistenceException e) {
            if (violates(e, PHONE_UNIQUE)) {
                throw ProblemException.conflict("another contact already has this phone number");
            }
            throw e;
        }
    }

    static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c
                    && constraint.equalsIgnoreCase(c.getConstraintName())) {
                return true;
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())
                    && sql.getMessage() != null && sql.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
