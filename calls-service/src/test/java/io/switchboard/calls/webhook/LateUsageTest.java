package io.switchboard.calls.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallUsageChangedV1;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.InfraResource;

/**
 * Issue 12: the provider's final duration and cost often come after the call's first terminal status; they are
 * published as call.usage_changed after call.completed, and only when they differ from what was published.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "calls"))
class LateUsageTest {

    private static final BigDecimal REPORTED_COST = new BigDecimal("0.1234");

    @Inject
    DeliveryProcessor processor;

    @Inject
    EntityManager em;

    @Test
    void vapiEndedBeforeTheEndOfCallReportPublishesTheEarlyDurationThenOneCorrectionWithTheReportsTotals() {
        UUID tenant = UUID.randomUUID();
        List<VerifiedDelivery> deliveries = vapi(tenant);
        deliveries.forEach(processor::process);

        List<EventEnvelope<?>> events = callEvents(tenant);
        List<CallCompletedV1> completed = data(events, CallCompletedV1.class);
        List<CallUsageChangedV1> corrections = data(events, CallUsageChangedV1.class);
        assertEquals(1, completed.size());
        assertEquals(0, completed.get(0).durationSeconds(), "status-update 'ended' carries no duration");
        assertNull(completed.get(0).cost());
        assertEquals(1, corrections.size());
        CallUsageChangedV1 correction = corrections.get(0);
        assertEquals(93, correction.durationSeconds());
        assertEquals(0, REPORTED_COST.compareTo(correction.cost()));
        assertEquals(0, correction.previousDurationSeconds());
        assertNull(correction.previousCost());
        assertEquals(completed.get(0).callId(), correction.callId());
        assertEquals("completed", correction.status());
        assertEquals("vapi", correction.provider());
        assertEquals(completed.get(0).phone(), correction.phone());
        assertTrue(indexOf(events, CallUsageChangedV1.class) > indexOf(events, CallCompletedV1.class),
                "the correction follows the completion");
    }

    @Test
    void aCallWhoseDurationIsFinalAtCompletionPublishesNoCorrection() {
        UUID tenant = UUID.randomUUID();
        List<VerifiedDelivery> deliveries = new ArrayList<>(vapi(tenant));
        // the end-of-call report first: the call completes with its final figures; the late 'ended' changes nothing
        Collections.swap(deliveries, 2, 3);
        deliveries.forEach(processor::process);

        List<EventEnvelope<?>> events = callEvents(tenant);
        assertEquals(1, data(events, CallCompletedV1.class).size());
        assertEquals(93, data(events, CallCompletedV1.class).get(0).durationSeconds());
        assertEquals(List.of(), data(events, CallUsageChangedV1.class));
    }

    @Test
    void inAnyOrderOneCompletionAndItsCorrectionsChainToTheReportsTotals() {
        for (long seed = 1; seed <= 8; seed++) {
            UUID tenant = UUID.randomUUID();
            List<VerifiedDelivery> deliveries = new ArrayList<>(vapi(tenant));
            Collections.shuffle(deliveries, new Random(seed));
            deliveries.forEach(processor::process);

            List<EventEnvelope<?>> events = callEvents(tenant);
            List<CallCompletedV1> completed = data(events, CallCompletedV1.class);
            assertEquals(1, completed.size(), "seed " + seed);
            long duration = completed.get(0).durationSeconds();
            BigDecimal cost = completed.get(0).cost();
            for (CallUsageChangedV1 correction : data(events, CallUsageChangedV1.class)) {
                // each correction names the totals consumers were told last: deltas add up
                assertEquals(duration, correction.previousDurationSeconds(), "seed " + seed);
                assertEquals(cost == null, correction.previousCost() == null, "seed " + seed);
                duration = correction.durationSeconds();
                cost = correction.cost();
            }
            assertEquals(93, duration, "seed " + seed);
            assertEquals(0, REPORTED_COST.compareTo(cost), "seed " + seed);
        }
    }

    @Test
    void aDuplicateEndOfCallReportPublishesNoSecondCorrection() {
        UUID tenant = UUID.randomUUID();
        List<VerifiedDelivery> deliveries = vapi(tenant);
        deliveries.forEach(processor::process);
        VerifiedDelivery report = deliveries.get(3);
        assertEquals(ProcessingResult.Outcome.DUPLICATE, processor.process(report).outcome());
        assertEquals(ProcessingResult.Outcome.DUPLICATE, processor.process(deliveries.get(2)).outcome());

        assertEquals(1, data(callEvents(tenant), CallUsageChangedV1.class).size());
    }

    @Test
    void retellCallEndedThenCallAnalyzedWithTheSameFiguresPublishesNoCorrection() {
        UUID tenant = UUID.randomUUID();
        Fixtures.sequences().stream().filter(s -> s.provider().equals("retell") && s.name().equals("outbound-analyzed"))
                .findFirst().orElseThrow().deliveries(tenant, UUID.randomUUID()).forEach(processor::process);

        List<EventEnvelope<?>> events = callEvents(tenant);
        assertEquals(1, data(events, CallCompletedV1.class).size());
        assertTrue(data(events, CallCompletedV1.class).get(0).durationSeconds() > 0);
        assertEquals(List.of(), data(events, CallUsageChangedV1.class));
    }

    private static List<VerifiedDelivery> vapi(UUID tenant) {
        return Fixtures.sequences().stream().filter(s -> s.provider().equals("vapi") && s.name().equals("outbound-completed"))
                .findFirst().orElseThrow().deliveries(tenant, UUID.randomUUID());
    }

    /** The tenant's call events in outbox (publication) order. */
    private List<EventEnvelope<?>> callEvents(UUID tenant) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> rows = em.createNativeQuery("SELECT cloud_event FROM outbox_event WHERE tenant_id = ?1 ORDER BY seq")
                    .setParameter(1, tenant).getResultList();
            List<EventEnvelope<?>> events = new ArrayList<>();
            rows.forEach(row -> events.add(EventCodec.deserialize(row.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            return events;
        }));
    }

    private static <T> List<T> data(List<EventEnvelope<?>> events, Class<T> type) {
        return events.stream().map(EventEnvelope::data).filter(type::isInstance).map(type::cast).toList();
    }

    private static int indexOf(List<EventEnvelope<?>> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i).data())) {
                return i;
            }
        }
        return -1;
    }
}
