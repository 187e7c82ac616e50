package io.switchboard.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.inbox.IdempotentConsumer.Outcome;
import io.switchboard.platform.testapp.FailurePlan;
import io.switchboard.platform.testapp.FailurePlan.Kind;
import io.switchboard.testsupport.InfraResource;

/** The consumer called directly (the Kafka path is {@link DeadLetterTest}); retry.max-attempts is 3 here. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class IdempotentConsumerTest {

    @Inject
    IdempotentConsumer consumer;

    @Inject
    Events events;

    @Test
    void aHandlerFailingTwiceWithATransientErrorIsRetriedAndAppliedOnce() {
        UUID tenant = UUID.randomUUID();
        String call = UUID.randomUUID().toString();
        FailurePlan.fail(call, Kind.TRANSIENT, 2);
        byte[] event = Events.callCreated(tenant, call);

        assertEquals(Outcome.APPLIED, consumer.consume(event));
        assertEquals(3, FailurePlan.invocations(call));
        assertEquals(1, events.applied(tenant, call));

        assertEquals(Outcome.DUPLICATE, consumer.consume(event));
        assertEquals(3, FailurePlan.invocations(call), "a duplicate never reaches the handler");
        assertEquals(1, events.applied(tenant, call));
    }

    @Test
    void aHandlerThatKeepsFailingTransientlyIsGivenUpAfterMaxAttemptsWithNothingApplied() {
        UUID tenant = UUID.randomUUID();
        String call = UUID.randomUUID().toString();
        FailurePlan.fail(call, Kind.TRANSIENT, Integer.MAX_VALUE);

        assertThrows(RuntimeException.class, () -> consumer.consume(Events.callCreated(tenant, call)));
        assertEquals(3, FailurePlan.invocations(call));
        assertEquals(0, events.applied(tenant, call));
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        UUID tenant = UUID.randomUUID();
        String call = UUID.randomUUID().toString();
        FailurePlan.fail(call, Kind.PERMANENT, 1);

        assertThrows(RuntimeException.class, () -> consumer.consume(Events.callCreated(tenant, call)));
        assertEquals(1, FailurePlan.invocations(call));
        assertEquals(0, events.applied(tenant, call));
    }

    @Test
    void anUnreadableRecordIsSkippedAtOnce() {
        assertEquals(Outcome.INVALID, consumer.consume("{not a cloud event".getBytes(StandardCharsets.UTF_8)));
    }
}
