package io.switchboard.simulator.play;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.switchboard.simulator.SimulatorConfig;

/**
 * Posts webhooks as the providers do: signed at each attempt; a refused connection, a timeout, 429 or 5xx retried
 * with exponential backoff up to the configured attempts, then counted as failed; a 4xx counted as rejected and not
 * retried. Never throws: the platform being down must not take the simulator with it.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final HttpClient http;
    private final SimulatorConfig.Delivery config;
    private final Timers timers;
    private final CallLog log;

    public WebhookSender(SimulatorConfig config, Timers timers, CallLog log) {
        this.config = config.delivery();
        this.timers = timers;
        this.log = log;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(this.config.timeout()).build();
    }

    /** The first attempt; completes when it is answered (retries run on their own timers, after the call's next webhooks). */
    CompletableFuture<Void> send(SimCall call, Delivery delivery, ProviderScript script, long generation) {
        Webhook webhook = delivery.webhook();
        int attempt = delivery.attempt();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhook.url())).timeout(config.timeout())
                .header("Content-Type", webhook.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
        script.headers(call.account(), webhook, Instant.now()).forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    Integer status = response == null ? null : response.statusCode();
                    String problem = error != null ? describe(error) : null;
                    if (status != null && status >= 200 && status < 300) {
                        finish(call, delivery, Delivery.State.sent, status, null);
                    } else if (status != null && status >= 400 && status < 500 && status != 429) {
                        finish(call, delivery, Delivery.State.rejected, status, "refused by the platform");
                        LOG.warnf("webhook refused provider=%s connection=%s call=%s event=%s status=%d", call.getProvider(),
                                call.getConnectionId(), call.getProviderCallId(), webhook.event(), status);
                    } else if (attempt < config.attempts()) {
                        log.retried(call);
                        delivery.result(Delivery.State.scheduled, status, problem == null ? "HTTP " + status : problem, null);
                        long backoff = config.backoff().toMillis() << (attempt - 1);
                        timers.at(backoff, generation, () -> send(call, delivery, script, generation));
                    } else {
                        finish(call, delivery, Delivery.State.failed, status, problem == null ? "HTTP " + status : problem);
                        LOG.warnf("webhook failed after %d attempts provider=%s connection=%s call=%s event=%s: %s", attempt,
                                call.getProvider(), call.getConnectionId(), call.getProviderCallId(), webhook.event(),
                                problem == null ? "HTTP " + status : problem);
                    }
                    return null;
                });
    }

    private void finish(SimCall call, Delivery delivery, Delivery.State state, Integer status, String error) {
        log.delivered(call, delivery, state); // counted before /sim/calls shows it settled
        delivery.result(state, status, error, Instant.now());
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
