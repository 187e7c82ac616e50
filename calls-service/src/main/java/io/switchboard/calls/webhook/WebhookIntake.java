package io.switchboard.calls.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.calls.connection.ConnectionCredentials;
import io.switchboard.calls.connection.ConnectionService;
import io.switchboard.calls.connection.Provider;
import io.switchboard.calls.connection.WebhookConnectionCache;
import io.switchboard.calls.delivery.DeliveryLog;
import io.switchboard.calls.delivery.DeliveryResult;
import io.switchboard.platform.problem.Problems;
import io.switchboard.platform.tenant.TenantScope;

/**
 * A webhook's way in: find its connection (and so its tenant), check its size and authenticity before anything of
 * it is stored, hand it to the {@link DeliveryProcessor}, log what became of it. Every answer a provider can get:
 * 404 unknown/disabled/other provider (alike, revealing nothing), 413 too large, 401 not authentic, and the
 * processor's 200/202/400.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class);
    static final String DELIVERIES = "switchboard.webhooks.deliveries";
    static final String REJECTED = "switchboard.webhooks.rejected";

    private final ConnectionService connections;
    private final WebhookConnectionCache connectionCache;
    private final WebhookAuthenticator authenticator;
    /** An Instance so the service still builds and starts where no call model is deployed: its webhooks answer 503. */
    private final Instance<DeliveryProcessor> processor;
    private final DeliveryLog log;
    private final MeterRegistry metrics;
    private final WebhookConfig config;

    public WebhookIntake(ConnectionService connections, WebhookConnectionCache connectionCache, WebhookAuthenticator authenticator,
            Instance<DeliveryProcessor> processor, DeliveryLog log, MeterRegistry metrics, WebhookConfig config) {
        this.connections = connections;
        this.connectionCache = connectionCache;
        this.authenticator = authenticator;
        this.processor = processor;
        this.log = log;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * @param providerSegment   the path's provider, as sent
     * @param connectionSegment the path's connection id, as sent
     * @param subpath           "voice" or "status" for Twilio, "" otherwise
     * @param path              the request path (problem {@code instance})
     */
    public Response receive(String providerSegment, String connectionSegment, String subpath, InboundWebhook webhook, String path) {
        Instant receivedAt = Instant.now();
        long started = System.nanoTime();
        // Twilio posts to /voice and /status only; every other provider to the connection's URL itself
        Optional<Provider> provider = Provider.find(providerSegment).filter(p -> (p == Provider.TWILIO) != subpath.isEmpty());
        UUID connectionId = uuid(connectionSegment);
        Optional<ConnectionCredentials> cached = provider.isEmpty() || connectionId == null ? Optional.empty()
                : connectionCache.get(connectionId);
        if (cached.isPresent()) {
            return TenantScope.call(cached.get().tenantId(), () -> receiveAs(cached.get().tenantId(), provider.get(),
                    connectionId, subpath, webhook, path, receivedAt, started, cached));
        }
        long cacheVersion = connectionCache.version();
        // the one read before the tenant is known: the owner's SECURITY DEFINER function answers the tenant id only
        Optional<UUID> tenant = provider.isEmpty() || connectionId == null ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(() -> connections.tenantOf(connectionId));
        if (tenant.isEmpty()) {
            count(provider.map(Provider::wire).orElse("unknown"), DeliveryResult.UNKNOWN_CONNECTION);
            LOG.infof("webhook for unknown connection provider=%s connection=%s", provider.map(Provider::wire).orElse("unknown"),
                    connectionId);
            return notFound(path);
        }
        return TenantScope.call(tenant.get(), () -> {
            Optional<ConnectionCredentials> found = QuarkusTransaction.requiringNew()
                    .call(() -> connections.credentials(tenant.get(), connectionId));
            found.ifPresent(credentials -> connectionCache.put(credentials, cacheVersion));
            return receiveAs(tenant.get(), provider.get(), connectionId, subpath, webhook, path, receivedAt, started, found);
        });
    }

    private Response receiveAs(UUID tenant, Provider provider, UUID connectionId, String subpath, InboundWebhook webhook,
            String path, Instant receivedAt, long started, Optional<ConnectionCredentials> found) {
        Delivery delivery = new Delivery(tenant, connectionId, provider, receivedAt, started);
        if (found.isEmpty() || !found.get().enabled() || found.get().provider() != provider) {
            // disabled, or another provider's path: answered exactly as an unknown id, logged for the tenant
            delivery.log(DeliveryResult.UNKNOWN_CONNECTION, null, found.isEmpty() ? "connection deleted"
                    : !found.get().enabled() ? "connection disabled" : "connection is for " + found.get().provider().wire(), null, 404);
            return notFound(path);
        }
        if (webhook.body().length > config.maxBodyBytes()) {
            delivery.log(DeliveryResult.MALFORMED, null, "body of " + webhook.body().length + " bytes exceeds the limit of "
                    + config.maxBodyBytes(), null, 413);
            return Problems.response(413, "payload-too-large", "Payload Too Large",
                    "the webhook body exceeds " + config.maxBodyBytes() + " bytes", path, List.of());
        }
        Verdict verdict = authenticator.verify(found.get(), webhook, Instant.now());
        if (!verdict.authentic()) {
            metrics.counter(REJECTED, "provider", provider.wire(), "reason", verdict.reason()).increment();
            delivery.log(DeliveryResult.REJECTED_SIGNATURE, null, verdict.reason(), null, 401);
            LOG.infof("webhook rejected tenant=%s connection=%s provider=%s reason=%s", tenant, connectionId, provider.wire(),
                    verdict.reason());
            return Problems.response(401, "invalid-webhook-signature", "Unauthorized",
                    "the webhook does not authenticate against this connection's secret (" + verdict.reason() + ")", path,
                    List.of());
        }
        if (!processor.isResolvable()) {
            delivery.log(DeliveryResult.FAILED, null, "no call model deployed", null, 503);
            return Response.fromResponse(Problems.response(503, "unavailable", "Service Unavailable",
                    "webhooks cannot be applied right now; the provider should retry", path, List.of()))
                    .header("Retry-After", "60").build();
        }
        VerifiedDelivery verified = new VerifiedDelivery(tenant, connectionId, provider.wire(), subpath, webhook.contentType(),
                webhook.body(), webhook.headers(), receivedAt);
        try {
            // one transaction: the call model's changes and the delivery log entry commit together
            return QuarkusTransaction.requiringNew().call(() -> answer(delivery, processor.get().process(verified), path));
        } catch (RuntimeException e) {
            delivery.log(DeliveryResult.FAILED, null, e.getClass().getSimpleName(), null, 500);
            throw e;
        }
    }

    private Response answer(Delivery delivery, ProcessingResult result, String path) {
        DeliveryResult logged = switch (result.outcome()) {
            case ACCEPTED -> DeliveryResult.ACCEPTED;
            case DUPLICATE -> DeliveryResult.DUPLICATE;
            case IGNORED -> DeliveryResult.IGNORED;
            case MALFORMED -> DeliveryResult.MALFORMED;
        };
        int status = switch (result.outcome()) {
            case ACCEPTED, DUPLICATE -> 200;
            case IGNORED -> 202;
            case MALFORMED -> 400;
        };
        UUID deliveryId = delivery.log(logged, result.providerEventType(), result.detail(), result.callId(), status);
        LOG.infof("webhook %s tenant=%s connection=%s provider=%s event=%s call=%s delivery=%s", logged.wire(), delivery.tenant,
                delivery.connectionId, delivery.provider.wire(), result.providerEventType(), result.callId(), deliveryId);
        if (result.outcome() == ProcessingResult.Outcome.MALFORMED) {
            return Problems.response(400, "malformed-webhook", "Malformed webhook",
                    result.detail() == null ? "the webhook body cannot be read" : result.detail(), path, List.of());
        }
        if (result.responseBody() != null) {
            return Response.status(status).type(result.responseContentType() == null ? MediaType.TEXT_PLAIN : result.responseContentType())
                    .entity(result.responseBody()).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", deliveryId);
        body.put("result", logged.wire());
        body.put("callId", result.callId());
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private Response notFound(String path) {
        return Problems.response(404, "not-found", "Not Found", "no webhook endpoint at " + path, path, List.of());
    }

    private void count(String provider, DeliveryResult result) {
        metrics.counter(DELIVERIES, "provider", provider, "result", result.wire()).increment();
    }

    private static UUID uuid(String value) {
        try {
            UUID id = UUID.fromString(value);
            return id.toString().equalsIgnoreCase(value) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One delivery to a known connection, logged once whatever becomes of it. */
    private final class Delivery {
        final UUID tenant;
        final UUID connectionId;
        final Provider provider;
        final Instant receivedAt;
        final long started;

        Delivery(UUID tenant, UUID connectionId, Provider provider, Instant receivedAt, long started) {
            this.tenant = tenant;
            this.connectionId = connectionId;
            this.provider = provider;
            this.receivedAt = receivedAt;
            this.started = started;
        }

        UUID log(DeliveryResult result, String eventType, String detail, UUID callId, int httpStatus) {
            count(provider.wire(), result);
            long ms = (System.nanoTime() - started) / 1_000_000;
            return log.record(new DeliveryLog.Entry(tenant, connectionId, provider.wire(), eventType, result, detail, callId, ms,
                    httpStatus, receivedAt));
        }
    }
}
