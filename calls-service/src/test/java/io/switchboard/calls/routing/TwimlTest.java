package io.switchboard.calls.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.switchboard.calls.connection.Provider;

/** The TwiML answers and how an agent is reached, parsed as XML. */
class TwimlTest {

    private static final String APP_SID = "AP0123456789abcdef0123456789abcdef";

    @Test
    void theTeamTransferDialsTheTeamNumberWithTheTimeoutAndTheFallbackAction() {
        Element dial = TwimlXml.only(TwimlXml.response(Twiml.transferToTeam("+14155550100", 25,
                "https://api.example.com/webhooks/twilio/abc/voice/fallback?x=1&y=2")), "Dial");
        assertEquals("https://api.example.com/webhooks/twilio/abc/voice/fallback?x=1&y=2", dial.getAttribute("action"));
        assertEquals("POST", dial.getAttribute("method"));
        assertEquals("25", dial.getAttribute("timeout"));
        assertEquals("+14155550100", TwimlXml.only(dial, "Number").getTextContent());
    }

    @Test
    void anAgentIsDialledBySipOrAsATwilioApplication() {
        Element sip = TwimlXml.only(TwimlXml.only(TwimlXml.response(Twiml.connectAgent(
                new AgentEndpoint(AgentEndpoint.Kind.SIP, "sip:agent-7@sip.example.com"))), "Dial"), "Sip");
        assertEquals("sip:agent-7@sip.example.com", sip.getTextContent());
        Element app = TwimlXml.only(TwimlXml.only(TwimlXml.response(Twiml.connectAgent(
                new AgentEndpoint(AgentEndpoint.Kind.APPLICATION, APP_SID))), "Dial"), "Application");
        assertEquals(APP_SID, TwimlXml.only(app, "ApplicationSid").getTextContent());
    }

    @Test
    void aRefusalSaysWhyThenHangsUpAndTextIsEscaped() {
        Element response = TwimlXml.response(Twiml.refuse("Sorry <we> & \"you\"."));
        assertEquals(List.of("Say", "Hangup"), TwimlXml.verbs(response));
        assertEquals("Sorry <we> & \"you\".", TwimlXml.children(response).get(0).getTextContent());
    }

    @Test
    void nothingMoreIsAnEmptyResponse() {
        assertTrue(TwimlXml.verbs(TwimlXml.response(Twiml.nothing())).isEmpty());
    }

    @Test
    void anAgentIsReachableByASipUriOrATwilioApplicationSidOnly() {
        assertEquals(Optional.of(new AgentEndpoint(AgentEndpoint.Kind.SIP, "sip:a@sip.example.com")),
                AgentEndpoint.of(" sip:a@sip.example.com ", Provider.VAPI));
        assertEquals(Optional.of(new AgentEndpoint(AgentEndpoint.Kind.SIP, "sips:a@sip.example.com;transport=tls")),
                AgentEndpoint.of("sips:a@sip.example.com;transport=tls", Provider.RETELL));
        assertEquals(Optional.of(new AgentEndpoint(AgentEndpoint.Kind.APPLICATION, APP_SID)), AgentEndpoint.of(APP_SID, Provider.TWILIO));
        assertEquals(Optional.empty(), AgentEndpoint.of(APP_SID, Provider.VAPI));
        assertEquals(Optional.empty(), AgentEndpoint.of("asst_123", Provider.VAPI));
        assertEquals(Optional.empty(), AgentEndpoint.of("sip:no-host", Provider.VAPI));
        assertEquals(Optional.empty(), AgentEndpoint.of(null, Provider.TWILIO));
    }
}
