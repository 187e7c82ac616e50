package io.switchboard.calls.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TemplateVariablesTest {

    @Test
    void theVariablesOfABodyAreListedOnceInOrderOfUse() {
        assertEquals(List.of("caller_name", "call_summary"), TemplateVariables.used("Hi {caller_name}! {call_summary} {caller_name}"));
    }

    @Test
    void theFirstUnknownVariableIsNamedAndPlainBracesAreText() {
        assertEquals(Optional.of("otp"), TemplateVariables.firstUnknown("Hi {caller_name}, code {otp} {pin}"));
        assertEquals(Optional.empty(), TemplateVariables.firstUnknown("Hi {caller_name} :-{ } {}"));
    }

    @Test
    void renderingFillsKnownVariablesLeavesMissingOnesEmptyAndTidiesTheSpaces() {
        assertEquals("Hi Ada, see you Tue. - Ava", TemplateVariables.render("Hi {caller_name}, see you {appointment_time}. {call_summary} - {agent_name}",
                Map.of("caller_name", "Ada", "appointment_time", "Tue", "agent_name", "Ava")));
        assertEquals("Costs $5 {literal}", TemplateVariables.render("Costs {agent_phone} {literal}", Map.of("agent_phone", "$5")));
    }
}
