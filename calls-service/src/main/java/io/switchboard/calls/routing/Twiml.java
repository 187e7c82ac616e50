package io.switchboard.calls.routing;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Application;
import com.twilio.twiml.voice.ApplicationSid;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Say;
import com.twilio.twiml.voice.Sip;

/** Every TwiML answer of inbound routing, built with the Twilio SDK (never by string concatenation). */
final class Twiml {

    static final String CONTENT_TYPE = "application/xml";

    private Twiml() {
    }

    /** Ring the team for {@code timeoutSeconds}; whatever becomes of that dial, Twilio posts it to {@code fallbackUrl}. */
    static String transferToTeam(String teamNumber, int timeoutSeconds, String fallbackUrl) {
        Dial dial = new Dial.Builder().action(fallbackUrl).method(HttpMethod.POST).timeout(timeoutSeconds)
                .number(new Number.Builder(teamNumber).build()).build();
        return new VoiceResponse.Builder().dial(dial).build().toXml();
    }

    /** Connect the caller to the agent on the same call. */
    static String connectAgent(AgentEndpoint agent) {
        Dial.Builder dial = new Dial.Builder();
        if (agent.kind() == AgentEndpoint.Kind.SIP) {
            dial.sip(new Sip.Builder(agent.target()).build());
        } else {
            dial.application(new Application.Builder().applicationSid(new ApplicationSid.Builder(agent.target()).build()).build());
        }
        return new VoiceResponse.Builder().dial(dial.build()).build().toXml();
    }

    /** Tell the caller why, then hang up. */
    static String refuse(String message) {
        return new VoiceResponse.Builder().say(new Say.Builder(message).build()).hangup(new Hangup.Builder().build()).build().toXml();
    }

    /** Nothing more to do: the call ends when the dial that led here has ended. */
    static String nothing() {
        return new VoiceResponse.Builder().build().toXml();
    }
}
