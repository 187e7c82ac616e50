package io.switchboard.analytics.tenant;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.events.call.CallUsageChangedV1;
import io.switchboard.platform.inbox.EventHandler;

/** Tenant-day call counters (minutes per call: {@link CallMinutes}). Runs inside the IdempotentConsumer's transaction: once per event. */
public final class CallKpiHandlers {

    private static final Logger LOG = Logger.getLogger(CallKpiHandlers.class);

    private CallKpiHandlers() {
    }

    @ApplicationScoped
    public static class Created implements EventHandler<CallCreatedV1> {
        @Inject
        TenantDailyAnalyticsRepository analytics;

        @Override
        public EventType<CallCreatedV1> type() {
            return EventCatalog.CALL_CREATED;
        }

        @Override
        public void handle(EventEnvelope<CallCreatedV1> event) {
            LocalDate day = LocalDate.ofInstant(event.data().createdAt(), ZoneOffset.UTC);
            analytics.add(event.tenantId(), day, 1, 0, 0);
            LOG.infof("kpi call.created tenant=%s call=%s day=%s", event.tenantId(), event.subject(), day);
        }
    }

    /** Counts a completed call once per call id, with its duration as known at completion. */
    @ApplicationScoped
    public static class Completed implements EventHandler<CallCompletedV1> {
        @Inject
        CallMinutes minutes;

        @Override
        public EventType<CallCompletedV1> type() {
            return EventCatalog.CALL_COMPLETED;
        }

        @Override
        public void handle(EventEnvelope<CallCompletedV1> event) {
            LocalDate day = LocalDate.ofInstant(event.data().endedAt(), ZoneOffset.UTC);
            UUID callId = callId(event, event.data().callId());
            if (callId == null) {
                return;
            }
            boolean counted = minutes.complete(event.tenantId(), callId, day, event.data().durationSeconds());
            LOG.infof("kpi call.completed tenant=%s call=%s day=%s%s", event.tenantId(), callId, day,
                    counted ? "" : " (counted before)");
        }
    }

    /** The provider's final duration came after call.completed (issue 12): the call's day gets the difference. */
    @ApplicationScoped
    public static class UsageChanged implements EventHandler<CallUsageChangedV1> {
        @Inject
        CallMinutes minutes;

        @Override
        public EventType<CallUsageChangedV1> type() {
            return EventCatalog.CALL_USAGE_CHANGED;
        }

        @Override
        public void handle(EventEnvelope<CallUsageChangedV1> event) {
            CallUsageChangedV1 data = event.data();
            UUID callId = callId(event, data.callId());
            if (callId == null) {
                return;
            }
            long added = minutes.correct(event.tenantId(), callId, LocalDate.ofInstant(data.endedAt(), ZoneOffset.UTC),
                    data.durationSeconds(), data.previousDurationSeconds());
            LOG.infof("kpi call.usage_changed tenant=%s call=%s duration=%d added=%d", event.tenantId(), callId,
                    data.durationSeconds(), added);
        }
    }

    /** The event's call id, or null (logged) when it is not a UUID: retrying cannot fix that, so it is skipped. */
    private static UUID callId(EventEnvelope<?> event, String callId) {
        try {
            return UUID.fromString(callId);
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("%s %s of tenant %s has no usable call id; not counted", event.type().type(), event.id(), event.tenantId());
            return null;
        }
    }
}
