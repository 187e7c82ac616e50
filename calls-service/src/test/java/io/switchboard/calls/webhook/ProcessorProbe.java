package io.switchboard.calls.webhook;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

/**
 * Wraps whichever DeliveryProcessor the application has (the stand-in now, the call model after the merge): records
 * every delivery that reaches it, and lets a test choose the outcome with the {@value #OUTCOME} header, so the HTTP
 * side's tests never depend on what the call model makes of a payload.
 */
@Decorator
@Priority(10)
public abstract class ProcessorProbe implements DeliveryProcessor {

    public static final String OUTCOME = "x-test-outcome";
    public static final String TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>hello</Say></Response>";
    static final List<VerifiedDelivery> RECEIVED = new CopyOnWriteArrayList<>();

    @Inject
    @Delegate
    DeliveryProcessor delegate;

    @Override
    public ProcessingResult process(VerifiedDelivery delivery) {
        RECEIVED.add(delivery);
        String outcome = delivery.headers().get(OUTCOME);
        if (outcome == null) {
            return delegate.process(delivery);
        }
        return switch (outcome) {
            case "twiml" -> new ProcessingResult(ProcessingResult.Outcome.ACCEPTED, "ringing", null, null, "application/xml", TWIML);
            case "fail" -> throw new IllegalStateException("the call model failed");
            default -> new ProcessingResult(ProcessingResult.Outcome.valueOf(outcome), "test-event", callId(delivery),
                    outcome.equals("MALFORMED") ? "data.call_id is missing" : null, null, null);
        };
    }

    private static UUID callId(VerifiedDelivery delivery) {
        return UUID.nameUUIDFromBytes(delivery.body());
    }

    /** The deliveries of one connection that reached the processor. */
    public static List<VerifiedDelivery> receivedBy(UUID connectionId) {
        return RECEIVED.stream().filter(d -> connectionId.equals(d.connectionId())).toList();
    }
}
