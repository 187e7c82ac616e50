package io.switchboard.calls.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.calls.agent.Agent;
import io.switchboard.calls.call.Call;
import io.switchboard.calls.call.CallDirection;
import io.switchboard.calls.call.CallModel;
import io.switchboard.calls.call.CallStatus;
import io.switchboard.calls.connection.Provider;
import io.switchboard.calls.connection.ProviderConnectionRepository;
import io.switchboard.calls.connection.PublicBaseUrl;
import io.switchboard.calls.number.PhoneNumber;
import io.switchboard.calls.number.PhoneNumberRepository;
import io.switchboard.calls.number.PhoneNumberService;
import io.switchboard.calls.webhook.MalformedPayloadException;
import io.switchboard.calls.webhook.Normalization;
import io.switchboard.calls.webhook.NormalizedEvent;
import io.switchboard.calls.webhook.ProcessingResult;
import io.switchboard.calls.webhook.ProcessingResult.Outcome;
import io.switchboard.calls.webhook.VerifiedDelivery;
import io.switchboard.calls.webhook.twilio.TwilioNormalizer;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.call.CallRoutedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.tenant.TenantScope;

/**
 * Seed 004's incoming-call flow on Twilio's voice webhook. An inbound call to one of the tenant's numbers is recorded
 * through the call model (found again by its CallSid when Twilio retries), routed once by the number's schedule
 * (team inside business hours, agent outside them), and answered with TwiML; the team dial's action callback falls
 * back to the agent when the team does not answer. A number that cannot take the call is answered with a spoken
 * reason and a hang-up, never an error. Provider event, routing step and events commit in one transaction.
 */
@ApplicationScoped
public class InboundRouter {

    private static final Logger LOG = Logger.getLogger(InboundRouter.class);

    /** The Twilio subpath of the team dial's action callback: /webhooks/twilio/{connectionId}/voice/fallback. */
    public static final String FALLBACK = "voice/fallback";
    /** DialCallStatus values on which the team is deemed not to have answered. */
    static final Set<String> TEAM_MISSED = Set.of("no-answer", "busy", "failed");
    /** The routing statuses a completed call's final status turns into completed. */
    private static final Set<String> ROUTED = Set.of(RoutingStatus.TRANSFERRED_TO_TEAM.wire(),
            RoutingStatus.TEAM_NO_ANSWER.wire(), RoutingStatus.DIRECT_TO_AGENT.wire());

    static final String NOT_IN_SERVICE = "Sorry, this number is not in service. Goodbye.";
    static final String NOT_TAKING_CALLS = "Sorry, this number is not taking calls right now. Goodbye.";
    static final String NO_ONE_AVAILABLE = "Sorry, no one is available to take your call. Please try again later. Goodbye.";

    private final TwilioNormalizer normalizer = new TwilioNormalizer();
    private final CallModel model;
    private final PhoneNumberRepository numbers;
    private final PhoneNumberService numberService;
    private final RoutingService routing;
    private final ProviderConnectionRepository connections;
    private final PublicBaseUrl publicBaseUrl;
    private final Outbox outbox;
    private final EntityManager em;

    public InboundRouter(CallModel model, PhoneNumberRepository numbers, PhoneNumberService numberService, RoutingService routing,
            ProviderConnectionRepository connections, PublicBaseUrl publicBaseUrl, Outbox outbox, EntityManager em) {
        this.model = model;
        this.numbers = numbers;
        this.numberService = numberService;
        this.routing = routing;
        this.connections = connections;
        this.publicBaseUrl = publicBaseUrl;
        this.outbox = outbox;
        this.em = em;
    }

    /** The answer to an inbound call's voice webhook; empty when it is not one (outbound, unreadable: not ours to answer). */
    public Optional<ProcessingResult> incoming(VerifiedDelivery delivery) {
        Normalization normalization;
        try {
            normalization = normalizer.normalize(delivery);
        } catch (MalformedPayloadException e) {
            return Optional.empty();
        }
        if (normalization.ignored() || normalization.event().direction() != CallDirection.INBOUND) {
            return Optional.empty();
        }
        NormalizedEvent event = normalization.event();
        Instant at = delivery.receivedAt() == null ? Instant.now() : delivery.receivedAt();
        return Optional.of(answering(delivery, event.eventType(), () -> TenantScope.call(delivery.tenantId(),
                () -> QuarkusTransaction.joiningExisting().call(() -> route(delivery, event, at)))));
    }

    /** The team dial's action callback: the team missed the call → the agent; otherwise nothing more. */
    public ProcessingResult fallback(VerifiedDelivery delivery) {
        Map<String, String> form;
        try {
            form = TwilioNormalizer.form(delivery.body());
        } catch (MalformedPayloadException e) {
            return new ProcessingResult(Outcome.MALFORMED, null, null, e.getMessage(), null, null);
        }
        String callSid = form.get("CallSid");
        String dialStatus = form.getOrDefault("DialCallStatus", "");
        String eventType = "fallback:" + dialStatus;
        if (callSid == null || callSid.isBlank()) {
            return new ProcessingResult(Outcome.MALFORMED, eventType, null, "CallSid: is required", null, null);
        }
        Instant at = delivery.receivedAt() == null ? Instant.now() : delivery.receivedAt();
        return answering(delivery, eventType, () -> TenantScope.call(delivery.tenantId(),
                () -> QuarkusTransaction.joiningExisting().call(() -> fallBack(delivery.tenantId(), callSid, dialStatus, eventType, at))));
    }

    /**
     * After a status callback, or an agent platform's event (which may have joined the routed Twilio call by its
     * CallSid): a routed call that ended completed has routing status completed (seed 004). Runs in the
     * webhook's transaction, on the call the model just folded (the managed entity, so no later flush of it can write
     * a stale routing status back).
     */
    public ProcessingResult afterStatus(VerifiedDelivery delivery, ProcessingResult result) {
        boolean mayComplete = !TwilioNormalizer.PROVIDER.equals(delivery.provider())
                || "status:completed".equals(result.providerEventType());
        if (result.callId() != null && result.outcome() == Outcome.ACCEPTED && mayComplete) {
            boolean updated = TenantScope.call(delivery.tenantId(), () -> QuarkusTransaction.joiningExisting().call(() -> {
                Call call = em.find(Call.class, result.callId());
                if (call == null || call.status != CallStatus.COMPLETED || call.routingStatus == null
                        || !ROUTED.contains(call.routingStatus)) {
                    return false;
                }
                call.routingStatus = RoutingStatus.COMPLETED.wire();
                return true;
            }));
            if (updated) {
                LOG.infof("routed call completed tenant=%s call=%s", delivery.tenantId(), result.callId());
            }
        }
        return result;
    }

    private ProcessingResult route(VerifiedDelivery delivery, NormalizedEvent event, Instant at) {
        UUID tenant = delivery.tenantId();
        CallModel.Applied applied = model.applyProviderEvent(tenant, delivery.connectionId(), event, at);
        Outcome outcome = applied.duplicate() ? Outcome.DUPLICATE : Outcome.ACCEPTED;
        Call call = em.find(Call.class, applied.callId());
        RoutingStatus routed = RoutingStatus.of(call.routingStatus);
        if (routed != null) {
            // Twilio retried: the same answer as the first time, nothing appended
            return answer(outcome, event.eventType(), call, "already " + routed.wire(), answerFor(call, routed, delivery.connectionId()));
        }
        Optional<PhoneNumber> number = event.toNumber() == null ? Optional.empty() : numbers.findByE164(tenant, event.toNumber());
        if (number.isEmpty()) {
            return refuse(applied, call, event, "unknown_number", NOT_IN_SERVICE, at);
        }
        call.phoneNumberId = number.get().id;
        if (!number.get().active) {
            return refuse(applied, call, event, "number_inactive", NOT_TAKING_CALLS, at);
        }
        Optional<Agent> agent = numberService.agent(tenant, number.get().agentId).filter(a -> a.enabled);
        Optional<AgentEndpoint> endpoint = agent.flatMap(a -> endpoint(tenant, a));
        if (endpoint.isEmpty()) {
            return refuse(applied, call, event, agent.isEmpty() ? "no_agent" : "agent_unreachable", NO_ONE_AVAILABLE, at);
        }
        RoutingSchedule schedule = routing.schedule(tenant, number.get().id);
        ZoneId zone = ZoneId.of(number.get().timeZone);
        RoutingRules.Decision decision = RoutingRules.decide(schedule, zone, at);
        call.routingStatus = decision.status().wire();
        call.agentId = agent.get().id;
        String team = decision.status() == RoutingStatus.TRANSFERRED_TO_TEAM ? schedule.teamNumber() : null;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", event.fromNumber());
        details.put("to", event.toNumber());
        details.put("phoneNumberId", number.get().id.toString());
        details.put("agentId", agent.get().id.toString());
        details.put("reason", decision.reason());
        details.put("localTime", decision.localTime().toString());
        details.put("timeZone", zone.getId());
        if (team != null) {
            details.put("teamNumber", team);
            details.put("ringTimeoutSeconds", schedule.ringTimeout());
        }
        model.appendStep(call, decision.status().wire(), details, at);
        publishRouted(call, decision.status(), decision.reason(), team, at);
        LOG.infof("inbound call routed tenant=%s call=%s number=%s agent=%s routing=%s reason=%s", tenant, call.id,
                number.get().id, agent.get().id, decision.status().wire(), decision.reason());
        String twiml = team != null ? Twiml.transferToTeam(team, schedule.ringTimeout(), fallbackUrl(delivery.connectionId()))
                : Twiml.connectAgent(endpoint.get());
        return answer(outcome, event.eventType(), call, decision.status().wire() + " (" + decision.reason() + ")", twiml);
    }

    private ProcessingResult fallBack(UUID tenant, String callSid, String dialStatus, String eventType, Instant at) {
        Optional<Call> found = em.createQuery("from Call where tenantId = ?1 and provider = ?2 and providerCallId = ?3", Call.class)
                .setParameter(1, tenant).setParameter(2, TwilioNormalizer.PROVIDER).setParameter(3, callSid)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        if (found.isEmpty()) {
            LOG.infof("routing fallback for an unknown call tenant=%s callSid=%s", tenant, callSid);
            return new ProcessingResult(Outcome.ACCEPTED, eventType, null, "no call with this CallSid", Twiml.CONTENT_TYPE,
                    Twiml.refuse(NO_ONE_AVAILABLE));
        }
        Call call = found.get();
        if (!TEAM_MISSED.contains(dialStatus)) {
            return answer(Outcome.ACCEPTED, eventType, call, "team dial " + dialStatus + ": nothing more", Twiml.nothing());
        }
        Outcome outcome = Outcome.DUPLICATE;
        if (RoutingStatus.TRANSFERRED_TO_TEAM.wire().equals(call.routingStatus)) {
            call.routingStatus = RoutingStatus.TEAM_NO_ANSWER.wire();
            model.appendStep(call, RoutingStatus.TEAM_NO_ANSWER.wire(), Map.of("dial_status", dialStatus), at);
            publishRouted(call, RoutingStatus.TEAM_NO_ANSWER, dialStatus, null, at);
            LOG.infof("inbound call fell back to the agent tenant=%s call=%s agent=%s dialStatus=%s", tenant, call.id, call.agentId,
                    dialStatus);
            outcome = Outcome.ACCEPTED;
        }
        Optional<AgentEndpoint> endpoint = numberService.agent(tenant, call.agentId).filter(a -> a.enabled).flatMap(a -> endpoint(tenant, a));
        return answer(outcome, eventType, call, RoutingStatus.TEAM_NO_ANSWER.wire(),
                endpoint.map(Twiml::connectAgent).orElseGet(() -> Twiml.refuse(NO_ONE_AVAILABLE)));
    }

    /** The TwiML a routed call got, again (Twilio retried the voice webhook). */
    private String answerFor(Call call, RoutingStatus routed, UUID connectionId) {
        Optional<AgentEndpoint> endpoint = numberService.agent(call.tenantId, call.agentId).filter(a -> a.enabled)
                .flatMap(a -> endpoint(call.tenantId, a));
        if (routed == RoutingStatus.TRANSFERRED_TO_TEAM && call.phoneNumberId != null) {
            RoutingSchedule schedule = routing.schedule(call.tenantId, call.phoneNumberId);
            if (schedule.teamNumber() != null) {
                return Twiml.transferToTeam(schedule.teamNumber(), schedule.ringTimeout(), fallbackUrl(connectionId));
            }
        }
        if (routed == RoutingStatus.COMPLETED) {
            return Twiml.nothing();
        }
        return endpoint.map(Twiml::connectAgent).orElseGet(() -> Twiml.refuse(NO_ONE_AVAILABLE));
    }

    private ProcessingResult refuse(CallModel.Applied applied, Call call, NormalizedEvent event, String reason, String message,
            Instant at) {
        if (!applied.duplicate()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", reason);
            details.put("to", event.toNumber());
            if (call.phoneNumberId != null) {
                details.put("phoneNumberId", call.phoneNumberId.toString());
            }
            model.appendStep(call, "routing_refused", details, at);
            LOG.infof("inbound call refused tenant=%s call=%s number=%s reason=%s", call.tenantId, call.id, call.phoneNumberId, reason);
        }
        return answer(applied.duplicate() ? Outcome.DUPLICATE : Outcome.ACCEPTED, event.eventType(), call,
                "routing refused: " + reason, Twiml.refuse(message));
    }

    private Optional<AgentEndpoint> endpoint(UUID tenant, Agent agent) {
        Provider provider = connections.findForTenant(tenant, agent.connectionId).map(c -> c.provider).orElse(null);
        return AgentEndpoint.of(agent.providerAgentId, provider);
    }

    private void publishRouted(Call call, RoutingStatus status, String reason, String team, Instant at) {
        outbox.publish(EventCatalog.CALL_ROUTED, call.tenantId, new CallRoutedV1(call.id.toString(), str(call.phoneNumberId),
                str(call.agentId), status.wire(), reason, team, call.fromNumber, call.toNumber, call.providerCallId, at));
    }

    private String fallbackUrl(UUID connectionId) {
        return publicBaseUrl.of("/webhooks/twilio/" + connectionId + "/" + FALLBACK);
    }

    private static ProcessingResult answer(Outcome outcome, String eventType, Call call, String detail, String twiml) {
        return new ProcessingResult(outcome, eventType, call.id, detail, Twiml.CONTENT_TYPE, twiml);
    }

    /** Never an error to Twilio: a failure is logged and the caller hears an apology, not Twilio's "application error". */
    private static ProcessingResult answering(VerifiedDelivery delivery, String eventType, java.util.function.Supplier<ProcessingResult> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            LOG.errorf(e, "inbound routing failed tenant=%s connection=%s event=%s", delivery.tenantId(), delivery.connectionId(), eventType);
            return new ProcessingResult(Outcome.ACCEPTED, eventType, null, "routing failed: " + e.getClass().getSimpleName(),
                    Twiml.CONTENT_TYPE, Twiml.refuse(NO_ONE_AVAILABLE));
        }
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
