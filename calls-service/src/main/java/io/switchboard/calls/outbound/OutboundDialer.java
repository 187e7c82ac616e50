package io.switchboard.calls.outbound;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.calls.connection.Provider;
import io.switchboard.platform.inbox.TransientFailures;
import io.switchboard.platform.tenant.TenantScope;

/**
 * Asks the provider for a call whose queued row has committed, outside any transaction, under the connection's
 * guard, and records the answer in a second transaction: {@code initiated} + {@code call.initiated}, or
 * {@code failed} + {@code call.failed}. When the outcome is unknown (the request went out, no answer came back) the
 * row stays {@code queued}: the provider's webhooks, which carry our call id, attach the call if it exists, and the
 * stuck-call reconciler answers {@code call.failed outcome_unknown} if none ever comes (docs/outbound.md).
 */
@ApplicationScoped
public class OutboundDialer {

    private static final Logger LOG = Logger.getLogger(OutboundDialer.class);
    private static final int RECORD_ATTEMPTS = 3;

    private final ProviderAdapters adapters;
    private final ConnectionGuards guards;
    private final OutboundCalls calls;

    public OutboundDialer(ProviderAdapters adapters, ConnectionGuards guards, OutboundCalls calls) {
        this.adapters = adapters;
        this.guards = guards;
        this.calls = calls;
    }

    public void place(DialPlan plan) {
        TenantScope.call(plan.tenantId(), () -> {
            placeAsTenant(plan);
            return null;
        });
    }

    private void placeAsTenant(DialPlan plan) {
        ProviderDial dial = plan.dial();
        Provider provider = dial.connection().provider();
        ProviderAdapter adapter = adapters.of(provider);
        String providerCallId;
        try {
            providerCallId = guards.call(dial.connection().id(), () -> adapter.dial(dial));
        } catch (DialFailure.Rejected e) {
            record(plan, () -> calls.recordFailed(plan, "provider_rejected", e.getMessage(), Instant.now()));
            return;
        } catch (DialFailure.Retryable e) {
            record(plan, () -> calls.recordFailed(plan, "provider_unavailable", e.getMessage(), Instant.now()));
            return;
        } catch (CircuitBreakerOpenException e) {
            record(plan, () -> calls.recordFailed(plan, "provider_unavailable",
                    "circuit breaker open for connection " + dial.connection().id(), Instant.now()));
            return;
        } catch (DialFailure.OutcomeUnknown | TimeoutException e) {
            LOG.warnf("dial outcome unknown tenant=%s call=%s dial_request=%s provider=%s: %s; the call stays queued for "
                    + "its webhooks or the stuck-call reconciler", plan.tenantId(), plan.callId(), plan.dialRequestId(),
                    provider.wire(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            // an adapter fault: whether a request went out cannot be told, so it is treated like an unknown outcome
            LOG.errorf(e, "dial outcome unknown after an unexpected failure tenant=%s call=%s dial_request=%s provider=%s",
                    plan.tenantId(), plan.callId(), plan.dialRequestId(), provider.wire());
            return;
        }
        String accepted = providerCallId;
        record(plan, () -> calls.recordAccepted(plan, provider, accepted, Instant.now()));
    }

    /** The second transaction, repeated on failures that pass (it must not be lost: the provider has answered). */
    private void record(DialPlan plan, Runnable work) {
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return;
            } catch (RuntimeException e) {
                if (attempt >= RECORD_ATTEMPTS || !TransientFailures.isTransient(e)) {
                    LOG.errorf(e, "dial answer not recorded tenant=%s call=%s dial_request=%s: the call stays queued for "
                            + "its webhooks or the stuck-call reconciler", plan.tenantId(), plan.callId(), plan.dialRequestId());
                    return;
                }
            }
        }
    }
}
