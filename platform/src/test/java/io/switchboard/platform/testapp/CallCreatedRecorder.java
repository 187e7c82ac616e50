package io.switchboard.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.platform.inbox.EventHandler;

/**
 * The test application's event handler: records each applied event, and fails on request with a real error from
 * PostgreSQL (raised in the handler's own transaction), so retries meet what production would meet.
 */
@ApplicationScoped
public class CallCreatedRecorder implements EventHandler<CallCreatedV1> {

    @Inject
    EntityManager em;

    @Override
    public EventType<CallCreatedV1> type() {
        return EventCatalog.CALL_CREATED;
    }

    @Override
    public void handle(EventEnvelope<CallCreatedV1> event) {
        FailurePlan.Kind failure = FailurePlan.next(event.data().callId());
        if (failure != null) {
            String state = failure == FailurePlan.Kind.TRANSIENT ? "serialization_failure" : "check_violation";
            em.createNativeQuery("DO $$ BEGIN RAISE EXCEPTION 'planned failure' USING ERRCODE = '" + state + "'; END $$")
                    .executeUpdate();
        }
        em.createNativeQuery("INSERT INTO applied_event (event_id, tenant_id, call_id) VALUES (?1, ?2, ?3)")
                .setParameter(1, event.id()).setParameter(2, event.tenantId()).setParameter(3, event.data().callId())
                .executeUpdate();
    }
}
