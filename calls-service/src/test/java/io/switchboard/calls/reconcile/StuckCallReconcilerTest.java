package io.switchboard.calls.reconcile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.calls.call.CallEvent;
import io.switchboard.calls.call.CallModel;
import io.switchboard.calls.call.CallService;
import io.switchboard.calls.call.CallView;
import io.switchboard.calls.connection.ConnectionService;
import io.switchboard.calls.connection.CreateConnectionRequest;
import io.switchboard.calls.connection.Provider;
import io.switchboard.calls.webhook.DeliveryProcessor;
import io.switchboard.calls.webhook.ProcessingResult;
import io.switchboard.calls.webhook.VerifiedDelivery;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.InfraResource;

/** Stuck calls through real PostgreSQL, with WireMock as the provider's API; the job is driven directly. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "calls"))
class StuckCallReconcilerTest {

    private static final String COMPLETED = "io.switchboard.call.completed.v1";
    private static final String STATUS_CHANGED = "io.switchboard.call.status_changed.v1";
    private static WireMockServer vapi;

    @Inject
    StuckCallReconciler reconciler;

    @Inject
    DeliveryProcessor processor;

    @Inject
    ConnectionService connections;

    @Inject
    CallService calls;

    @Inject
    CallModel model;

    @Inject
    EntityManager em;

    @BeforeAll
    static void startProvider() {
        vapi = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        vapi.start();
    }

    @AfterAll
    static void stopProvider() {
        vapi.stop();
    }

    @BeforeEach
    void resetProvider() {
        vapi.resetAll();
    }

    @Test
    void aStaleVapiCallIsReconciledToTheProvidersFinalStateAndTheLateWebhookIsADuplicate() {
        UUID tenant = UUID.randomUUID();
        UUID connection = vapiConnection(tenant, "vapi-key");
        String providerId = UUID.randomUUID().toString();
        UUID call = inProgressVapiCall(tenant, connection, providerId);
        quietFor(tenant, call, Duration.ofHours(1));
        vapi.stubFor(get("/call/" + providerId).willReturn(okJson(endedVapiCall(providerId))));

        reconciler.reconcile(Instant.now());

        vapi.verify(getRequestedFor(urlEqualTo("/call/" + providerId)).withHeader("Authorization", equalTo("Bearer vapi-key")));
        CallView view = view(tenant, call);
        assertEquals("completed", view.status().wire());
        assertEquals("answered_human", view.disposition().wire());
        assertEquals("customer-ended-call", view.endedReason());
        assertEquals("Booked a demo for Tuesday.", view.summary());
        List<CallEvent> timeline = timeline(tenant, call);
        assertEquals("reconciled", timeline.get(timeline.size() - 1).type);
        assertEquals(1L, outbox(tenant, COMPLETED));
        // the provider's own end-of-call-report arriving late is the same provider event: nothing changes
        ProcessingResult late = processor.process(vapiWebhook(tenant, connection, "{\"message\":{\"type\":\"end-of-call-report\","
                + "\"endedReason\":\"customer-ended-call\",\"call\":{\"id\":\"" + providerId + "\"}}}"));
        assertEquals(ProcessingResult.Outcome.DUPLICATE, late.outcome());
        assertEquals(timeline.size(), timeline(tenant, call).size());
    }

    @Test
    void aFailingOrSlowProviderLeavesTheCallOpenUntilTheMaximumAgeThenItFailsWithNoFinalEvent() {
        UUID tenant = UUID.randomUUID();
        UUID connection = vapiConnection(tenant, "vapi-key");
        String broken = UUID.randomUUID().toString();
        String slow = UUID.randomUUID().toString();
        UUID brokenCall = inProgressVapiCall(tenant, connection, broken);
        UUID slowCall = inProgressVapiCall(tenant, connection, slow);
        quietFor(tenant, brokenCall, Duration.ofHours(1));
        quietFor(tenant, slowCall, Duration.ofHours(1));
        vapi.stubFor(get("/call/" + broken).willReturn(aResponse().withStatus(500)));
        vapi.stubFor(get("/call/" + slow).willReturn(okJson(endedVapiCall(slow)).withFixedDelay(3_000)));

        reconciler.reconcile(Instant.now());

        assertEquals("in_progress", view(tenant, brokenCall).status().wire());
        assertEquals("in_progress", view(tenant, slowCall).status().wire());
        assertEquals(0L, outbox(tenant, COMPLETED));

        quietFor(tenant, brokenCall, Duration.ofHours(7));
        quietFor(tenant, slowCall, Duration.ofHours(7));
        reconciler.reconcile(Instant.now());

        for (UUID call : List.of(brokenCall, slowCall)) {
            CallView view = view(tenant, call);
            assertEquals("failed", view.status().wire());
            assertEquals("no_final_event", view.endedReason());
            List<CallEvent> timeline = timeline(tenant, call);
            assertEquals("reconciled", timeline.get(timeline.size() - 1).type);
        }
        assertEquals(2L, outbox(tenant, COMPLETED));
    }

    @Test
    void aCallWhoseConnectionHasNoApiKeyIsFailedWithNoFinalEventRightAway() {
        UUID tenant = UUID.randomUUID();
        UUID connection = vapiConnection(tenant, null);
        String providerId = UUID.randomUUID().toString();
        UUID call = inProgressVapiCall(tenant, connection, providerId);
        quietFor(tenant, call, Duration.ofMinutes(31));
        long statusChanges = outbox(tenant, STATUS_CHANGED);

        reconciler.reconcile(Instant.now());

        assertEquals(0, vapi.getAllServeEvents().size(), "no provider lookup without an API key");
        CallView view = view(tenant, call);
        assertEquals("failed", view.status().wire());
        assertEquals("no_final_event", view.endedReason());
        assertEquals("failed", view.disposition().wire());
        assertEquals(1L, outbox(tenant, COMPLETED));
        assertEquals(statusChanges + 1, outbox(tenant, STATUS_CHANGED));
    }

    @Test
    void aCallWithARecentEventIsLeftAlone() {
        UUID tenant = UUID.randomUUID();
        UUID connection = vapiConnection(tenant, null);
        UUID call = inProgressVapiCall(tenant, connection, UUID.randomUUID().toString());
        quietFor(tenant, call, Duration.ofMinutes(29));
        int before = timeline(tenant, call).size();

        reconciler.reconcile(Instant.now());

        assertEquals("in_progress", view(tenant, call).status().wire());
        assertEquals(before, timeline(tenant, call).size());
        assertNull(view(tenant, call).endedReason());
    }

    @Test
    void eachTenantsStuckCallsAreReconciledUnderThatTenant() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID firstCall = inProgressVapiCall(first, vapiConnection(first, null), UUID.randomUUID().toString());
        UUID secondCall = inProgressVapiCall(second, vapiConnection(second, null), UUID.randomUUID().toString());
        quietFor(first, firstCall, Duration.ofHours(1));
        quietFor(second, secondCall, Duration.ofHours(1));

        reconciler.reconcile(Instant.now());

        assertEquals("failed", view(first, firstCall).status().wire());
        assertEquals("failed", view(second, secondCall).status().wire());
        assertEquals(1L, outbox(first, COMPLETED));
        assertEquals(1L, outbox(second, COMPLETED));
        // the timeline entry is the call's tenant's, and the other tenant cannot see it
        assertEquals("reconciled", timeline(first, firstCall).get(timeline(first, firstCall).size() - 1).type);
        assertEquals(0, timeline(second, firstCall).size());
    }

    @Test
    void runningTheJobTwiceChangesNothingTheSecondTime() {
        UUID tenant = UUID.randomUUID();
        UUID connection = vapiConnection(tenant, "vapi-key");
        String answered = UUID.randomUUID().toString();
        String broken = UUID.randomUUID().toString();
        UUID answeredCall = inProgressVapiCall(tenant, connection, answered);
        UUID brokenCall = inProgressVapiCall(tenant, connection, broken);
        UUID keyless = inProgressVapiCall(tenant, vapiConnection(tenant, null), UUID.randomUUID().toString());
        for (UUID call : List.of(answeredCall, brokenCall, keyless)) {
            quietFor(tenant, call, Duration.ofHours(1));
        }
        vapi.stubFor(get("/call/" + answered).willReturn(okJson(endedVapiCall(answered))));
        vapi.stubFor(get("/call/" + broken).willReturn(aResponse().withStatus(503)));

        reconciler.reconcile(Instant.now());
        long events = count(tenant, "SELECT count(*) FROM call_event WHERE tenant_id = ?1");
        long published = count(tenant, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1");
        List<String> statuses = List.of(answeredCall, brokenCall, keyless).stream().map(c -> view(tenant, c).status().wire()).toList();
        assertEquals(List.of("completed", "in_progress", "failed"), statuses);

        reconciler.reconcile(Instant.now());

        assertEquals(events, count(tenant, "SELECT count(*) FROM call_event WHERE tenant_id = ?1"));
        assertEquals(published, count(tenant, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1"));
        assertEquals(statuses, List.of(answeredCall, brokenCall, keyless).stream().map(c -> view(tenant, c).status().wire()).toList());
    }

    private UUID vapiConnection(UUID tenant, String apiKey) {
        return TenantScope.call(tenant, () -> connections.create(tenant, new CreateConnectionRequest(Provider.VAPI, "VAPI",
                "webhook-secret", apiKey, null, null, vapi.baseUrl()))).id();
    }

    private UUID inProgressVapiCall(UUID tenant, UUID connection, String providerId) {
        ProcessingResult result = processor.process(vapiWebhook(tenant, connection, "{\"message\":{\"type\":\"status-update\","
                + "\"status\":\"in-progress\",\"call\":{\"id\":\"" + providerId + "\",\"type\":\"outboundPhoneCall\"},"
                + "\"customer\":{\"number\":\"+14155550123\"}}}"));
        assertEquals(ProcessingResult.Outcome.ACCEPTED, result.outcome());
        return result.callId();
    }

    private static VerifiedDelivery vapiWebhook(UUID tenant, UUID connection, String body) {
        return new VerifiedDelivery(tenant, connection, "vapi", "", "application/json", body.getBytes(StandardCharsets.UTF_8),
                Map.of(), null);
    }

    /** GET /call/{id}: VAPI's Call object of an ended call. */
    private static String endedVapiCall(String id) {
        return """
                {"id":"%s","type":"outboundPhoneCall","status":"ended","endedReason":"customer-ended-call",
                 "startedAt":"2026-11-21T15:00:00.000Z","endedAt":"2026-11-21T15:03:20.000Z","cost":0.21,
                 "customer":{"number":"+14155550123"},
                 "analysis":{"summary":"Booked a demo for Tuesday.","successEvaluation":"true"},
                 "artifact":{"transcript":"AI: Hello. User: Tuesday works.","recordingUrl":"https://storage.vapi.ai/rec.wav"}}"""
                .formatted(id);
    }

    /** As if the call's last event was that long ago (the tests cannot wait for the real staleness). */
    private void quietFor(UUID tenant, UUID call, Duration quiet) {
        TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("UPDATE call SET last_event_at = ?1, created_at = ?1 WHERE tenant_id = ?2 AND id = ?3")
                .setParameter(1, Instant.now().minus(quiet).atOffset(ZoneOffset.UTC)).setParameter(2, tenant)
                .setParameter(3, call).executeUpdate()));
    }

    private CallView view(UUID tenant, UUID call) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> calls.get(tenant, call)));
    }

    private List<CallEvent> timeline(UUID tenant, UUID call) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> model.timeline(tenant, call)));
    }

    private long outbox(UUID tenant, String type) {
        return count(tenant, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = '" + type + "'");
    }

    private long count(UUID tenant, String sql) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, tenant).getSingleResult()).longValue()));
    }
}
