package io.switchboard.analytics.tenant;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.platform.inbox.EventHandler;

/** Tenant-day call counters. Runs inside the IdempotentConsumer's transaction: once per event. */
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

    @ApplicationScoped
    public static class Completed implements EventHandler<CallCompletedV1> {
        @Inject
        TenantDailyAnalyticsRepository analytics;

        @Override
        public EventType<CallCompletedV1> type() {
            return EventCatalog.CALL_COMPLETED;
        }

        @Override
        public void handle(EventEnvelope<CallCompletedV1> event) {
            LocalDate day = LocalDate.ofInstant(event.data().endedAt(), ZoneOffset.UTC);
            analytics.add(event.tenantId(), day, 0, 1, event.data().durationSeconds());
            LOG.infof("kpi call.completed tenant=%s call=%s day=%s", event.tenantId(), event.subject(), day);
        }
    }
}
