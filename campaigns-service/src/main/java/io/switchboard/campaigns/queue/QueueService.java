package io.switchboard.campaigns.queue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.phone.PhoneNumbers;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.time.DatabaseTime;

/** Reading the queue, and direct calls (one row each, ahead of every campaign call). */
@ApplicationScoped
@Transactional
public class QueueService {

    private static final Logger LOG = Logger.getLogger(QueueService.class);

    @Inject
    CallQueueRepository queue;

    @Inject
    QueueWriter writer;

    public QueueItemView placeDirect(UUID tenantId, DirectCallRequest request) {
        String phone = (request.region() == null ? PhoneNumbers.e164(request.phone()) : PhoneNumbers.e164(request.phone(), request.region()))
                .orElseThrow(() -> ProblemException.badField("phone",
                        "must be a valid number in E.164 (+14155550123), or national with region"));
        List<String> zones = QueueWriter.zonesFor(request.timeZone() == null ? null : List.of(request.timeZone()), phone, null);
        UUID id = UUID.randomUUID();
        writer.insert(List.of(new QueueWriter.NewRow(id, tenantId, null, CallQueueItem.DIRECT, CallQueueItem.FRESH,
                request.contactId(), request.agentId(), phone, zones, request.variables() == null ? Map.of() : request.variables(),
                CallQueueItem.PRIORITY_DIRECT, 0, null)));
        LOG.infof("direct call queued tenant=%s item=%s agent=%s", tenantId, id, request.agentId());
        return get(tenantId, id, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public QueueItemView get(UUID tenantId, UUID id, boolean direct) {
        CallQueueItem item = queue.findForTenant(tenantId, id)
                .filter(q -> !direct || CallQueueItem.DIRECT.equals(q.callType))
                .orElseThrow(() -> ProblemException.notFound(direct ? "direct call" : "queue item", id));
        return QueueItemView.of(item, queue.position(item, DatabaseTime.now()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<QueueItemView> list(UUID tenantId, UUID campaignId, String status, PageRequest page) {
        if (status != null && !CallQueueRepository.STATUSES.contains(status)) {
            throw ProblemException.badField("status", "must be one of " + String.join(", ", CallQueueRepository.STATUSES));
        }
        return Page.of(queue.list(tenantId, campaignId, status, page), page, row -> Cursor.of(row.createdAt, row.id),
                QueueItemView::of);
    }
}
