package io.switchboard.calls.call;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.phone.PhoneNumbers;
import io.switchboard.platform.problem.ProblemException;

@ApplicationScoped
@Transactional
public class CallService {

    private static final Logger LOG = Logger.getLogger(CallService.class);

    @Inject
    CallRepository calls;

    @Inject
    Outbox outbox;

    @Inject
    CallModel model;

    @Inject
    CallTranscriptRepository transcripts;

    @Inject
    CallRecordingRepository recordings;

    public CallView create(UUID tenantId, CreateCallRequest request) {
        // the resource validated both numbers (@InternationalPhone); this normalizes them to E.164
        String to = PhoneNumbers.e164(request.toNumber())
                .orElseThrow(() -> ProblemException.badField("toNumber", "must be a valid international number"));
        String from = request.fromNumber() == null ? null : PhoneNumbers.e164(request.fromNumber())
                .orElseThrow(() -> ProblemException.badField("fromNumber", "must be a valid international number"));

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Call call = new Call();
        call.id = UUID.randomUUID();
        call.tenantId = tenantId;
        call.direction = request.direction() == null ? CallDirection.OUTBOUND : request.direction();
        call.status = CallStatus.QUEUED;
        call.fromNumber = from;
        call.toNumber = to;
        call.agentId = request.agentId();
        call.campaignId = request.campaignId();
        call.contactId = request.contactId();
        call.createdAt = now;
        call.updatedAt = now;
        calls.persist(call);

        outbox.publish(EventCatalog.CALL_CREATED, tenantId, new CallCreatedV1(call.id.toString(), call.direction.wire(),
                call.status.wire(), call.fromNumber, call.toNumber, str(call.agentId), str(call.campaignId),
                str(call.contactId), now.toInstant()));
        LOG.infof("call created tenant=%s call=%s direction=%s", tenantId, call.id, call.direction.wire());
        return CallView.of(call);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CallView get(UUID tenantId, UUID id) {
        return calls.findForTenant(tenantId, id).map(CallView::of)
                .orElseThrow(() -> ProblemException.notFound("call", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CallView> list(UUID tenantId, PageRequest page) {
        return list(tenantId, CallFilter.none(), page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CallView> list(UUID tenantId, CallFilter filter, PageRequest page) {
        CallFilter.Criteria criteria = filter.criteria();
        return Page.of(calls.listForTenant(tenantId, criteria, page), page, row -> Cursor.of(row.createdAt, row.id),
                CallView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CallTimelineEntry> timeline(UUID tenantId, UUID id) {
        Call call = find(tenantId, id);
        return model.timeline(tenantId, call.id).stream().map(CallTimelineEntry::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CallTranscriptView transcript(UUID tenantId, UUID id) {
        Call call = find(tenantId, id);
        return transcripts.find("callId = ?1 and tenantId = ?2", call.id, tenantId).firstResultOptional()
                .map(CallTranscriptView::of).orElseThrow(() -> ProblemException.notFound("transcript of call", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CallRecordingView recording(UUID tenantId, UUID id) {
        Call call = find(tenantId, id);
        return recordings.find("callId = ?1 and tenantId = ?2", call.id, tenantId).firstResultOptional()
                .map(CallRecordingView::of).orElseThrow(() -> ProblemException.notFound("recording of call", id));
    }

    /** The call is looked up first, so an unknown or foreign call is 404 whatever the body says. */
    public CallView setDisposition(UUID tenantId, UUID id, SetDispositionRequest request) {
        Call call = find(tenantId, id);
        if (request == null || request.disposition() == null || request.disposition().isBlank()) {
            throw ProblemException.badField("disposition", "is required");
        }
        Disposition disposition = Disposition.parse(request.disposition()).orElseThrow(() -> ProblemException.badField(
                "disposition", "must be one of " + String.join(", ",
                        java.util.Arrays.stream(Disposition.values()).map(Disposition::wire).toList())));
        if (request.note() != null && request.note().length() > 1000) {
            throw ProblemException.badField("note", "must be at most 1000 characters");
        }
        return CallView.of(model.setDisposition(call, disposition, request.note(), java.time.Instant.now()));
    }

    private Call find(UUID tenantId, UUID id) {
        return calls.findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("call", id));
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
