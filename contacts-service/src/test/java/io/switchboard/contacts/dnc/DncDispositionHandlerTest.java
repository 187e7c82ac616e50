package io.switchboard.contacts.dnc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.call.CallAnalyzedV1;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallFlagsV1;
import io.switchboard.events.dnc.DncNumberAddedV1;
import io.switchboard.platform.inbox.IdempotentConsumer;
import io.switchboard.platform.inbox.IdempotentConsumer.Outcome;

/** call.completed as the Kafka channel hands it over (CloudEvent bytes), through the platform's idempotent consumer. */
@QuarkusTest
class DncDispositionHandlerTest {

    private static final String INTERNAL_NUMBERS = "SELECT count(*) FROM dnc_number n JOIN dnc_list l ON l.id = n.list_id "
            + "WHERE n.tenant_id = ?1 AND l.internal";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    EntityManager em;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aDncDispositionListsTheNumberOnTheInternalListOnceHoweverOftenTheEventIsDelivered() {
        String callId = UUID.randomUUID().toString();
        byte[] event = completed(callId, "dnc", "+14155550301");

        assertEquals(Outcome.APPLIED, consumer.consume(event));
        assertEquals(Outcome.DUPLICATE, consumer.consume(event));
        assertEquals(Outcome.DUPLICATE, consumer.consume(event));

        assertEquals(1, DncTestData.count(em, tenant, INTERNAL_NUMBERS));
        var published = DncTestData.decodedEvents(em, tenant, "io.switchboard.dnc.number_added.v1");
        assertEquals(1, published.size());
        DncNumberAddedV1 added = (DncNumberAddedV1) published.get(0).data();
        assertEquals("+14155550301", added.phone());
        assertEquals("disposition", added.source());
        assertEquals(true, added.internal());
        assertEquals("call " + callId + " ended with disposition dnc", added.reason());
    }

    @Test
    void aSecondCallWithTheDispositionForAListedNumberChangesNothing() {
        consumer.consume(completed(UUID.randomUUID().toString(), "dnc", "+14155550302"));
        assertEquals(Outcome.APPLIED, consumer.consume(completed(UUID.randomUUID().toString(), "dnc", "+14155550302")));
        assertEquals(1, DncTestData.count(em, tenant, INTERNAL_NUMBERS));
        assertEquals(1, DncTestData.events(em, tenant, "io.switchboard.dnc.number_added.v1"));
    }

    @Test
    void otherDispositionsAndCallsWithoutAPhoneListNothing() {
        assertEquals(Outcome.APPLIED, consumer.consume(completed(UUID.randomUUID().toString(), "human_answered", "+14155550303")));
        assertEquals(Outcome.APPLIED, consumer.consume(completed(UUID.randomUUID().toString(), null, "+14155550303")));
        assertEquals(Outcome.APPLIED, consumer.consume(completed(UUID.randomUUID().toString(), "dnc", null)));
        assertEquals(Outcome.APPLIED, consumer.consume(completed(UUID.randomUUID().toString(), "dnc", "4155550303")));
        assertEquals(0, DncTestData.count(em, tenant, "SELECT count(*) FROM dnc_number WHERE tenant_id = ?1"));
    }

    @Test
    void theCallModelsDoNotCallDispositionOrItsDncFlagListsTheNumberAndOtherOutcomesDoNot() {
        CallFlagsV1 dncFlags = new CallFlagsV1(true, true, false, true, false, false);
        CallFlagsV1 voicemailFlags = new CallFlagsV1(false, false, false, false, true, true);
        assertEquals(true, DncDispositionHandler.isDoNotCall(completedWith("do_not_call", dncFlags)));
        assertEquals(true, DncDispositionHandler.isDoNotCall(completedWith("do_not_call", null)));
        assertEquals(true, DncDispositionHandler.isDoNotCall(completedWith("answered_human", dncFlags)));
        assertEquals(false, DncDispositionHandler.isDoNotCall(completedWith("voicemail", voicemailFlags)));
        assertEquals(false, DncDispositionHandler.isDoNotCall(completedWith(null, null)));

        consumer.consume(EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_COMPLETED, "/switchboard/calls-service", tenant,
                new CallCompletedV1(UUID.randomUUID().toString(), "completed", "do_not_call", 30, null, null, null, Instant.now(),
                        "+14155550309", dncFlags, null, "vapi", "vapi-call-1", "customer-ended-call"))));
        assertEquals(1, DncTestData.count(em, tenant, INTERNAL_NUMBERS + " AND n.phone = '+14155550309'"));
    }

    @Test
    void aDoNotCallRequestOnlyInTheLateAnalysisListsTheNumberOnceAndOtherAnalysesListNothing() {
        String callId = UUID.randomUUID().toString();
        // the call completed first without the disposition (VAPI: "ended" before the end-of-call report)
        assertEquals(Outcome.APPLIED, consumer.consume(completed(callId, "completed", "+14155550311")));
        byte[] analysis = analyzed(callId, "+14155550311", Map.of("do_not_call", true));
        assertEquals(Outcome.APPLIED, consumer.consume(analysis));
        assertEquals(Outcome.DUPLICATE, consumer.consume(analysis));
        assertEquals(1, DncTestData.count(em, tenant, INTERNAL_NUMBERS + " AND n.phone = '+14155550311'"));

        consumer.consume(analyzed(UUID.randomUUID().toString(), "+14155550312", Map.of("do_not_call", false, "callback_requested", true)));
        consumer.consume(analyzed(UUID.randomUUID().toString(), "+14155550313", Map.of("appointment_confirmed", true)));
        assertEquals(1, DncTestData.count(em, tenant, INTERNAL_NUMBERS));
        assertEquals(true, DncDispositionHandler.LateAnalysis.asksNotToBeCalled(Map.of("doNotCall", "yes")));
        assertEquals(true, DncDispositionHandler.LateAnalysis.asksNotToBeCalled(Map.of("dnc", "TRUE")));
        assertEquals(false, DncDispositionHandler.LateAnalysis.asksNotToBeCalled(Map.of("dnc", "no")));
    }

    private byte[] analyzed(String callId, String phone, Map<String, Object> structuredData) {
        return EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_ANALYZED, "/switchboard/calls-service", tenant,
                new CallAnalyzedV1(callId, null, phone, "summary", null, structuredData, List.of(), Instant.now())));
    }

    private static CallCompletedV1 completedWith(String disposition, CallFlagsV1 flags) {
        return new CallCompletedV1("c", "completed", disposition, 1, null, null, null, Instant.now(), "+14155550300", flags,
                null, null, null, null);
    }

    private byte[] completed(String callId, String disposition, String phone) {
        return EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_COMPLETED, "/switchboard/calls-service", tenant,
                new CallCompletedV1(callId, "completed", disposition, 42, null, null, null, Instant.now(), phone)));
    }
}
