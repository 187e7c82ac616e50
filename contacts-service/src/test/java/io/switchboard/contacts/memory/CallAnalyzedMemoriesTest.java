package io.switchboard.contacts.memory;

import static io.switchboard.contacts.RecordsApi.asTenant;
import static io.switchboard.contacts.RecordsApi.createContact;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contacts.RecordsApi;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.call.CallAnalyzedV1;
import io.switchboard.platform.inbox.IdempotentConsumer;
import io.switchboard.platform.inbox.IdempotentConsumer.Outcome;

/** The call.analyzed handler through the real inbox (IdempotentConsumer) and PostgreSQL, as the Kafka channel will call it. */
@QuarkusTest
class CallAnalyzedMemoriesTest {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    RecordsApi records;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void eachFactOfAnAnalysedCallIsStoredOnceAsAnAutoMemoryEvenWhenTheEventIsRedelivered() {
        String contact = createContact(tenant, "+14155550150");
        String call = UUID.randomUUID().toString();
        byte[] event = analysed(new CallAnalyzedV1(call, contact, "+14155550150", "Asked about renewal", "positive",
                Map.of("renewal_month", "March"), List.of("Prefers calls after 5pm", "Renewal is due in March"), Instant.now()));

        assertEquals(Outcome.APPLIED, consumer.consume(event));
        assertEquals(Outcome.DUPLICATE, consumer.consume(event));
        assertEquals(Outcome.DUPLICATE, consumer.consume(event));

        asTenant(tenant).get("/api/v1/contacts/" + contact + "/memories").then().statusCode(200)
                .body("items.content", containsInAnyOrder("Prefers calls after 5pm", "Renewal is due in March"))
                .body("items.kind", everyItem(equalTo("auto"))).body("items.callId", everyItem(equalTo(call)));
        assertEquals(2, records.published(tenant, EventCatalog.MEMORY_ADDED).size());
    }

    @Test
    void aReanalysedCallAddsOnlyTheFactsItDidNotHaveYet() {
        String contact = createContact(tenant, "+14155550151");
        String call = UUID.randomUUID().toString();
        consumer.consume(analysed(facts(call, contact, null, "Prefers email")));
        // a new event id (the calls context re-ran its analysis): the inbox cannot tell, the fact index can
        consumer.consume(analysed(facts(call, contact, null, "Prefers email", "Lives in Leeds")));
        asTenant(tenant).get("/api/v1/contacts/" + contact + "/memories").then()
                .body("items.content", containsInAnyOrder("Prefers email", "Lives in Leeds"));
    }

    @Test
    void theContactIsFoundByPhoneWhenTheCallWasNotLinkedToOne() {
        String contact = createContact(tenant, "+14155550152");
        consumer.consume(analysed(facts(UUID.randomUUID().toString(), null, "+14155550152", "Speaks Spanish")));
        asTenant(tenant).get("/api/v1/contacts/" + contact + "/memories").then()
                .body("items.content", equalTo(List.of("Speaks Spanish")));
    }

    @Test
    void anUnknownContactGetsNoMemoriesAndNoContactIsCreated() {
        assertEquals(Outcome.APPLIED, consumer.consume(analysed(facts(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "+14155550153", "Speaks Spanish"))));
        assertEquals(0, records.count(tenant, "SELECT count(*) FROM memory WHERE tenant_id = ?1"));
        assertEquals(0, records.count(tenant, "SELECT count(*) FROM contact WHERE tenant_id = ?1"));
    }

    @Test
    void aTenantThatDoesNotSaveMemoriesGetsNone() {
        String contact = createContact(tenant, "+14155550154");
        records.execute(tenant, "INSERT INTO contact_settings (tenant_id, save_memories, updated_at) VALUES (?1, false, now())");
        consumer.consume(analysed(facts(UUID.randomUUID().toString(), contact, null, "Speaks Spanish")));
        assertEquals(0, records.count(tenant, "SELECT count(*) FROM memory WHERE tenant_id = ?1"));
    }

    @Test
    void blankFactsAreSkippedAndAnOverlongOneIsCut() {
        String contact = createContact(tenant, "+14155550155");
        consumer.consume(analysed(facts(UUID.randomUUID().toString(), contact, null, "  ", "b".repeat(5000))));
        asTenant(tenant).get("/api/v1/contacts/" + contact + "/memories").then()
                .body("items.size()", equalTo(1)).body("items[0].content.length()", equalTo(MemoryService.MAX_CONTENT));
    }

    private static CallAnalyzedV1 facts(String call, String contact, String phone, String... memories) {
        return new CallAnalyzedV1(call, contact, phone, null, null, Map.of(), List.of(memories), Instant.now());
    }

    private byte[] analysed(CallAnalyzedV1 payload) {
        return EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_ANALYZED, "/switchboard/calls-service", tenant, payload));
    }
}
