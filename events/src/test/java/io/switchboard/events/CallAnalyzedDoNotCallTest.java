package io.switchboard.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.switchboard.events.call.CallAnalyzedV1;

/** The one reading of "asked never to be called again" in a call's structured data (three services rely on it). */
class CallAnalyzedDoNotCallTest {

    @Test
    void anyDoNotCallKeyThatIsTrueOrSaysTrueOrYesInAnyCaseIsARequest() {
        assertTrue(CallAnalyzedV1.asksNotToBeCalled(Map.of("do_not_call", true)));
        assertTrue(CallAnalyzedV1.asksNotToBeCalled(Map.of("doNotCall", "TRUE")));
        assertTrue(CallAnalyzedV1.asksNotToBeCalled(Map.of("dnc", "yes", "callback_requested", true)));
    }

    @Test
    void falseNoOtherKeysNullValuesAndNoDataAreNotARequest() {
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("dnc", null);
        assertFalse(CallAnalyzedV1.asksNotToBeCalled(Map.of("do_not_call", false)));
        assertFalse(CallAnalyzedV1.asksNotToBeCalled(Map.of("dnc", "no")));
        assertFalse(CallAnalyzedV1.asksNotToBeCalled(Map.of("callback_requested", true)));
        assertFalse(CallAnalyzedV1.asksNotToBeCalled(nullValue));
        assertFalse(CallAnalyzedV1.asksNotToBeCalled(null));
    }
}
