package io.switchboard.calls.outbound;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.switchboard.calls.agent.Agent;
import io.switchboard.calls.connection.ConnectionCredentials;
import io.switchboard.calls.connection.ConnectionService;
import io.switchboard.calls.connection.Provider;
import io.switchboard.calls.connection.PublicBaseUrl;
import io.switchboard.calls.connection.WebhookUrls;
import io.switchboard.calls.number.PhoneNumber;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.dial.DialExpiredV1;
import io.switchboard.events.dial.DialRequestedV1;
import io.switchboard.platform.inbox.EventHandler;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.phone.PhoneNumbers;

/**
 * A dial request, inside the inbox's transaction: a request that already has a call changes nothing; one past its
 * {@code notAfter} is answered {@code dial.expired}; one that cannot dial (agent, connection, numbers) gets a
 * {@code failed} call and {@code call.failed}; any other gets its {@code queued} call and a plan that
 * {@link DialRequestConsumer} dials once this transaction committed.
 */
@ApplicationScoped
public class DialRequestedHandler implements EventHandler<DialRequestedV1> {

    private static final Logger LOG = Logger.getLogger(DialRequestedHandler.class);

    private final EntityManager em;
    private final OutboundCalls calls;
    private final ConnectionService connections;
    private final ProviderAdapters adapters;
    private final PendingDials pending;
    private final Outbox outbox;
    private final PublicBaseUrl publicBaseUrl;
    private final Clock clock;

    public DialRequestedHandler(EntityManager em, OutboundCalls calls, ConnectionService connections,
            ProviderAdapters adapters, PendingDials pending, Outbox outbox, PublicBaseUrl publicBaseUrl) {
        this.em = em;
        this.calls = calls;
        this.connections = connections;
        this.adapters = adapters;
        this.pending = pending;
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = Clock.systemUTC();
    }

    @Override
    public EventType<DialRequestedV1> type() {
        return EventCatalog.DIAL_REQUESTED;
    }

    @Override
    public void handle(EventEnvelope<DialRequestedV1> event) {
        UUID tenant = event.tenantId();
        DialRequestedV1 request = event.data();
        String key = request.dialRequestId();
        if (key == null || key.isBlank() || key.length() > 200) {
            LOG.warnf("dial request without a usable dialRequestId skipped tenant=%s event=%s", tenant, event.id());
            return;
        }
        Optional<UUID> existing = calls.callFor(tenant, key);
        if (existing.isPresent()) {
            // redelivered under a new event id, or reclaimed: the first delivery's call is the only one
            LOG.infof("dial request already has its call tenant=%s dial_request=%s call=%s", tenant, key, existing.get());
            return;
        }
        Instant now = clock.instant();
        if (request.notAfter() != null && now.isAfter(request.notAfter())) {
            outbox.publish(EventCatalog.DIAL_EXPIRED, tenant, new DialExpiredV1(key, request.queueItemId(),
                    request.attempt(), request.campaignId(), request.notAfter(), now));
            LOG.infof("dial request expired tenant=%s dial_request=%s not_after=%s", tenant, key, request.notAfter());
            return;
        }
        OutboundCalls.NewCall row = new OutboundCalls.NewCall(tenant, key, request.toNumber(), request.fromNumber(),
                uuid(request.agentId()), uuid(request.campaignId()), uuid(request.contactId()), null);
        try {
            Resolved resolved = resolve(tenant, request);
            row = new OutboundCalls.NewCall(tenant, key, resolved.to(), resolved.from().e164(), resolved.agent().id,
                    row.campaignId(), row.contactId(), resolved.connection().id());
            Optional<UUID> callId = calls.insertQueued(row, now);
            if (callId.isEmpty()) {
                LOG.infof("dial request taken by a concurrent delivery tenant=%s dial_request=%s", tenant, key);
                return;
            }
            ConnectionCredentials connection = resolved.connection();
            String statusCallback = connection.provider() == Provider.TWILIO
                    ? WebhookUrls.of(publicBaseUrl.value(), Provider.TWILIO, connection.id()).status() : null;
            ProviderDial dial = new ProviderDial(connection, callId.get(), key, resolved.agent().providerAgentId,
                    resolved.to(), resolved.from().e164(), resolved.from().sid(),
                    request.variables() == null ? Map.of() : request.variables(), statusCallback);
            pending.add(new DialPlan(tenant, callId.get(), key, request.campaignId(), request.contactId(),
                    resolved.agent().id, dial));
            LOG.infof("dial request queued tenant=%s dial_request=%s call=%s agent=%s provider=%s", tenant, key,
                    callId.get(), resolved.agent().id, connection.provider().wire());
        } catch (DialRejection.Refused refused) {
            calls.insertRefused(row, refused.reason.wire(), refused.getMessage(), now);
        }
    }

    private record From(String e164, String sid) {
    }

    private record Resolved(Agent agent, ConnectionCredentials connection, String to, From from) {
    }

    private Resolved resolve(UUID tenant, DialRequestedV1 request) {
        UUID agentId = uuid(request.agentId());
        Agent agent = agentId == null ? null : em.createQuery("from Agent where tenantId = ?1 and id = ?2", Agent.class)
                .setParameter(1, tenant).setParameter(2, agentId).getResultStream().findFirst().orElse(null);
        if (agent == null) {
            throw DialRejection.UNKNOWN_AGENT.because("no agent " + request.agentId() + " in this tenant");
        }
        if (!agent.enabled) {
            throw DialRejection.AGENT_DISABLED.because("agent " + agent.id + " is disabled");
        }
        ConnectionCredentials connection;
        try {
            connection = connections.credentials(tenant, agent.connectionId).orElse(null);
        } catch (IllegalStateException unreadable) {
            throw DialRejection.CONNECTION_DISABLED.because("connection " + agent.connectionId + " has unreadable credentials");
        }
        if (connection == null || !connection.enabled()) {
            throw DialRejection.CONNECTION_DISABLED.because("connection " + agent.connectionId + " is disabled");
        }
        if (connection.apiKey() == null || (connection.provider() == Provider.TWILIO && connection.accountSid() == null)) {
            throw DialRejection.CONNECTION_DISABLED.because("connection " + connection.id() + " has no API credentials");
        }
        String to = PhoneNumbers.e164(request.toNumber())
                .orElseThrow(() -> DialRejection.INVALID_NUMBER.because("toNumber is not a valid international number"));
        ProviderAdapter adapter = adapters.of(connection.provider());
        From from = from(tenant, agent, request.fromNumber());
        if (from.e164() == null && adapter.needsFromNumber()) {
            throw DialRejection.INVALID_NUMBER.because("no fromNumber given and agent " + agent.id + " has no active voice number");
        }
        if (from.sid() == null && adapter.needsNumberSid()) {
            throw DialRejection.INVALID_NUMBER.because("fromNumber " + from.e164() + " has no " + connection.provider().wire()
                    + " phone number id (phone_number.provider_sid)");
        }
        return new Resolved(agent, connection, to, from);
    }

    /** The request's caller id, else the agent's active voice number; with the provider's id for it when we know one. */
    private From from(UUID tenant, Agent agent, String requested) {
        if (requested != null) {
            String e164 = PhoneNumbers.e164(requested)
                    .orElseThrow(() -> DialRejection.INVALID_NUMBER.because("fromNumber is not a valid international number"));
            Optional<PhoneNumber> known = em.createQuery("from PhoneNumber where tenantId = ?1 and e164 = ?2", PhoneNumber.class)
                    .setParameter(1, tenant).setParameter(2, e164).getResultStream().findFirst();
            return new From(e164, known.map(n -> n.providerSid).orElse(null));
        }
        List<PhoneNumber> assigned = em.createQuery("""
                        from PhoneNumber where tenantId = ?1 and agentId = ?2 and active = true
                        order by createdAt, id""", PhoneNumber.class)
                .setParameter(1, tenant).setParameter(2, agent.id).getResultList();
        return assigned.stream().filter(n -> n.capabilities == null || n.capabilities.contains("voice")).findFirst()
                .map(n -> new From(n.e164, n.providerSid)).orElse(new From(null, null));
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
