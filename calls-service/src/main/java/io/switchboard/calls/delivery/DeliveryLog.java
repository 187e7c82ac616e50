package io.switchboard.calls.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.time.StorableTime;

/** The webhook delivery log: written once per delivery to a known connection, read by the tenant to debug its setup. */
@ApplicationScoped
public class DeliveryLog {

    private final WebhookDeliveryRepository deliveries;

    public DeliveryLog(WebhookDeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * One entry under the current tenant; returns its id. In the caller's transaction when there is one (the intake
     * writes an applied delivery's entry with the call's changes: one commit), else in its own (a rejected or failed
     * delivery is logged whatever became of its transaction).
     */
    public UUID record(Entry entry) {
        WebhookDelivery d = new WebhookDelivery();
        d.id = UUID.randomUUID();
        d.tenantId = entry.tenantId();
        d.connectionId = entry.connectionId();
        d.provider = entry.provider();
        d.eventType = truncate(entry.eventType(), 200);
        d.result = entry.result().wire();
        d.detail = truncate(entry.detail(), 500);
        d.callId = entry.callId();
        d.processingMs = (int) Math.min(Integer.MAX_VALUE, entry.processingMs());
        d.httpStatus = entry.httpStatus();
        d.receivedAt = OffsetDateTime.ofInstant(entry.receivedAt(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.joiningExisting().run(() -> deliveries.persist(d));
        return d.id;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeliveryView get(UUID tenantId, UUID id) {
        return deliveries.findForTenant(tenantId, id).map(DeliveryView::of)
                .orElseThrow(() -> ProblemException.notFound("webhook delivery", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> list(UUID tenantId, DeliveryFilter filter, PageRequest page) {
        storable("from", filter.from());
        storable("to", filter.to());
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ProblemException.badField("from", "must be before to");
        }
        return Page.of(deliveries.listForTenant(tenantId, filter, page), page,
                row -> new Cursor(row.receivedAt.toInstant(), row.id), DeliveryView::of);
    }

    /** PostgreSQL's timestamptz stops where ISO years do not: refuse what it could not compare with (a 400, not a 500). */
    private static void storable(String parameter, OffsetDateTime value) {
        if (value != null && !StorableTime.Validator.isStorable(value)) {
            throw ProblemException.badField(parameter, "must lie between the years 0001 and 9999");
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** What one delivery log entry says. */
    public record Entry(UUID tenantId, UUID connectionId, String provider, String eventType, DeliveryResult result,
            String detail, UUID callId, long processingMs, int httpStatus, Instant receivedAt) {
    }
}
