package io.switchboard.contacts.meeting;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
public class MeetingService {

    private static final Logger LOG = Logger.getLogger(MeetingService.class);

    static final int DEFAULT_DURATION_MINUTES = 30;
    static final String DEFAULT_TIME_ZONE = "UTC";

    private final MeetingRepository meetings;
    private final ContactRepository contacts;
    private final RequestBodies bodies;

    @Inject
    public MeetingService(MeetingRepository meetings, ContactRepository contacts, RequestBodies bodies) {
        this.meetings = meetings;
        this.contacts = contacts;
        this.bodies = bodies;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MeetingView> listForContact(UUID tenantId, UUID contactId, PageRequest page) {
        contacts.require(tenantId, contactId);
        return Page.of(meetings.listForContact(tenantId, contactId, page), page, row -> Cursor.of(row.startsAt, row.id),
                MeetingView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MeetingView> list(UUID tenantId, OffsetDateTime from, OffsetDateTime to, String status, PageRequest page) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.badField("to", "must be after from");
        }
        return Page.of(meetings.list(tenantId, from, to, status, page), page, row -> Cursor.of(row.startsAt, row.id),
                MeetingView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MeetingView get(UUID tenantId, UUID id) {
        return MeetingView.of(require(tenantId, id));
    }

    public MeetingView create(UUID tenantId, UUID contactId, MeetingRequests.Create request) {
        contacts.require(tenantId, contactId);
        bodies.validate(request);
        OffsetDateTime now = now();
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.tenantId = tenantId;
        meeting.contactId = contactId;
        meeting.callId = request.callId();
        meeting.startsAt = request.startsAt().withOffsetSameInstant(ZoneOffset.UTC);
        meeting.durationMinutes = request.durationMinutes() == null ? DEFAULT_DURATION_MINUTES : request.durationMinutes();
        meeting.title = request.title().strip();
        meeting.description = blankToNull(request.description());
        meeting.location = blankToNull(request.location());
        meeting.attendeeEmail = blankToNull(request.attendeeEmail());
        meeting.status = MeetingStatus.SCHEDULED.value();
        meeting.timeZone = request.timeZone() == null || request.timeZone().isBlank() ? DEFAULT_TIME_ZONE : request.timeZone();
        meeting.createdAt = now;
        meeting.updatedAt = now;
        meetings.persist(meeting);
        LOG.infof("meeting scheduled tenant=%s contact=%s meeting=%s", tenantId, contactId, meeting.id);
        return MeetingView.of(meeting);
    }

    public MeetingView update(UUID tenantId, UUID id, MeetingRequests.Update request) {
        Meeting meeting = require(tenantId, id);
        bodies.validate(request);
        MeetingStatus current = MeetingStatus.of(meeting.status).orElseThrow();
        OffsetDateTime newStart = request.startsAt() == null ? null : request.startsAt().withOffsetSameInstant(ZoneOffset.UTC);
        boolean moved = newStart != null && !newStart.isEqual(meeting.startsAt);
        MeetingStatus target = current.afterUpdate(MeetingStatus.of(request.status()).orElse(null), moved);
        if (moved) {
            meeting.startsAt = newStart;
        }
        if (request.durationMinutes() != null) {
            meeting.durationMinutes = request.durationMinutes();
        }
        if (request.title() != null) {
            meeting.title = request.title().strip();
        }
        if (request.description() != null) {
            meeting.description = blankToNull(request.description());
        }
        if (request.location() != null) {
            meeting.location = blankToNull(request.location());
        }
        if (request.attendeeEmail() != null) {
            meeting.attendeeEmail = blankToNull(request.attendeeEmail());
        }
        if (request.timeZone() != null && !request.timeZone().isBlank()) {
            meeting.timeZone = request.timeZone();
        }
        if (request.callId() != null) {
            meeting.callId = request.callId();
        }
        if (target != current) {
            LOG.infof("meeting %s tenant=%s contact=%s meeting=%s", target.value(), tenantId, meeting.contactId, id);
        }
        meeting.status = target.value();
        meeting.updatedAt = now();
        return MeetingView.of(meeting);
    }

    public void delete(UUID tenantId, UUID id) {
        meetings.delete(require(tenantId, id));
        LOG.infof("meeting deleted tenant=%s meeting=%s", tenantId, id);
    }

    private Meeting require(UUID tenantId, UUID id) {
        return meetings.findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("meeting", id));
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
