package io.switchboard.contacts.followup;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.contacts.contact.ContactRepository;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.RequestBodies;

@ApplicationScoped
@Transactional
public class FollowUpService {

    private static final Logger LOG = Logger.getLogger(FollowUpService.class);

    private final FollowUpRepository followUps;
    private final ContactRepository contacts;
    private final RequestBodies bodies;

    @Inject
    public FollowUpService(FollowUpRepository followUps, ContactRepository contacts, RequestBodies bodies) {
        this.followUps = followUps;
        this.contacts = contacts;
        this.bodies = bodies;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FollowUpView> listForContact(UUID tenantId, UUID contactId, PageRequest page) {
        contacts.require(tenantId, contactId);
        return Page.of(followUps.listForContact(tenantId, contactId, page), page, row -> Cursor.of(row.dueAt, row.id),
                FollowUpView::of);
    }

    /** What is due across contacts: {@code due} is {@code before:<instant>} or absent; see {@link DueFilter}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FollowUpView> list(UUID tenantId, String due, Boolean completed, PageRequest page) {
        Optional<OffsetDateTime> before = DueFilter.before(due);
        return Page.of(followUps.list(tenantId, before, Optional.ofNullable(completed), page), page,
                row -> Cursor.of(row.dueAt, row.id), FollowUpView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FollowUpView get(UUID tenantId, UUID id) {
        return FollowUpView.of(require(tenantId, id));
    }

    public FollowUpView create(UUID tenantId, UUID contactId, FollowUpRequests.Create request) {
        contacts.require(tenantId, contactId);
        bodies.validate(request);
        OffsetDateTime now = now();
        FollowUp followUp = new FollowUp();
        followUp.id = UUID.randomUUID();
        followUp.tenantId = tenantId;
        followUp.contactId = contactId;
        followUp.callId = request.callId();
        followUp.dueAt = request.dueAt().withOffsetSameInstant(ZoneOffset.UTC);
        followUp.remark = blankToNull(request.remark());
        followUp.createdAt = now;
        followUp.updatedAt = now;
        followUps.persist(followUp);
        LOG.infof("follow-up created tenant=%s contact=%s follow-up=%s", tenantId, contactId, followUp.id);
        return FollowUpView.of(followUp);
    }

    public FollowUpView update(UUID tenantId, UUID id, FollowUpRequests.Update request) {
        FollowUp followUp = require(tenantId, id);
        bodies.validate(request);
        OffsetDateTime now = now();
        if (request.dueAt() != null) {
            followUp.dueAt = request.dueAt().withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (request.remark() != null) {
            followUp.remark = blankToNull(request.remark());
        }
        if (request.callId() != null) {
            followUp.callId = request.callId();
        }
        if (request.completed() != null && request.completed() != followUp.completed) {
            followUp.completed = request.completed();
            followUp.completedAt = followUp.completed ? now : null;
            LOG.infof("follow-up %s tenant=%s contact=%s follow-up=%s", followUp.completed ? "completed" : "reopened", tenantId,
                    followUp.contactId, id);
        }
        followUp.updatedAt = now;
        return FollowUpView.of(followUp);
    }

    public void delete(UUID tenantId, UUID id) {
        followUps.delete(require(tenantId, id));
        LOG.infof("follow-up deleted tenant=%s follow-up=%s", tenantId, id);
    }

    private FollowUp require(UUID tenantId, UUID id) {
        return followUps.findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("follow-up", id));
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
