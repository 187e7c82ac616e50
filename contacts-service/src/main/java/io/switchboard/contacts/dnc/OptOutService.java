package io.switchboard.contacts.dnc;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.contacts.contact.ContactRepository;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.dnc.OptOutAddedV1;
import io.switchboard.events.dnc.OptOutRemovedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;

/** Opt-outs per number and channel; every change publishes an event in the same transaction. */
@ApplicationScoped
@Transactional
public class OptOutService {

    private static final Logger LOG = Logger.getLogger(OptOutService.class);

    /** The answer to an add: the opt-out, and whether this call created it (201) or it already existed (200). */
    public record Added(OptOutView optOut, boolean created) {
    }

    private final OptOutRepository optOuts;
    private final ContactRepository contacts;
    private final DncPhones phones;
    private final Outbox outbox;

    @Inject
    public OptOutService(OptOutRepository optOuts, ContactRepository contacts, DncPhones phones, Outbox outbox) {
        this.optOuts = optOuts;
        this.contacts = contacts;
        this.phones = phones;
        this.outbox = outbox;
    }

    public Added add(UUID tenantId, CreateOptOutRequest request) {
        String phone = phones.require(tenantId, request.phone(), "phone");
        UUID contactId = request.contactId();
        if (contactId != null && contacts.findForTenant(tenantId, contactId).isEmpty()) {
            throw ProblemException.notFound("contact", contactId);
        }
        if (contactId == null) {
            contactId = contacts.findByPhone(tenantId, phone).map(c -> c.id).orElse(null);
        }
        OptOut optOut = new OptOut();
        optOut.id = UUID.randomUUID();
        optOut.tenantId = tenantId;
        optOut.phone = phone;
        optOut.channel = request.channel();
        optOut.reason = blankToNull(request.reason());
        optOut.source = Objects.requireNonNullElse(request.source(), DncVocabulary.SOURCE_API);
        optOut.contactId = contactId;
        optOut.createdAt = now();
        if (!optOuts.insertIfAbsent(optOut)) {
            // idempotent: the number already opted out of this channel; nothing changes, nothing is published
            return new Added(OptOutView.of(optOuts.findByPhone(tenantId, phone, optOut.channel).orElseThrow()), false);
        }
        outbox.publish(EventCatalog.OPTOUT_ADDED, tenantId, new OptOutAddedV1(optOut.id.toString(), phone, optOut.channel,
                optOut.reason, optOut.source, contactId == null ? null : contactId.toString(), optOut.createdAt.toInstant()));
        LOG.infof("opt-out added tenant=%s optOut=%s channel=%s source=%s", tenantId, optOut.id, optOut.channel, optOut.source);
        return new Added(OptOutView.of(optOut), true);
    }

    public void remove(UUID tenantId, UUID id) {
        OptOut optOut = optOuts.findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("opt-out", id));
        optOuts.delete(optOut);
        outbox.publish(EventCatalog.OPTOUT_REMOVED, tenantId, new OptOutRemovedV1(optOut.id.toString(), optOut.phone,
                optOut.channel, DncVocabulary.SOURCE_API, optOut.contactId == null ? null : optOut.contactId.toString(),
                now().toInstant()));
        LOG.infof("opt-out removed tenant=%s optOut=%s channel=%s", tenantId, id, optOut.channel);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OptOutView get(UUID tenantId, UUID id) {
        return optOuts.findForTenant(tenantId, id).map(OptOutView::of).orElseThrow(() -> ProblemException.notFound("opt-out", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OptOutView> list(UUID tenantId, String phone, String channel, PageRequest page) {
        String e164 = phone == null || phone.isBlank() ? null : phones.require(tenantId, phone, "phone");
        return Page.of(optOuts.list(tenantId, e164, channel, page), page, row -> Cursor.of(row.createdAt, row.id), OptOutView::of);
    }


    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
