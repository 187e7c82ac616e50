package io.switchboard.simulator.play;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.switchboard.simulator.account.Account;

/**
 * One create-call the simulator accepted: what it received, what it decided, and what it sent.
 *
 * @param attempt     the how-manieth call to this number since the last reset (1 = first): part of the seed
 * @param request     the request's fields as received (JSON body, or Twilio's form parameters)
 * @param timeFactor  the time factor when the call was accepted
 */
@JsonPropertyOrder({ "seq", "provider", "connectionId", "providerCallId", "from", "to", "attempt", "receivedAt", "plan",
        "reordered", "request", "deliveries" })
public final class SimCall {

    private final long seq;
    private final String provider;
    private final Account account;
    private final String providerCallId;
    private final String from;
    private final String to;
    private final int attempt;
    private final Instant receivedAt;
    private final double timeFactor;
    private final CallPlan plan;
    private final Map<String, Object> request;
    private final List<Delivery> deliveries = new ArrayList<>();
    private boolean reordered;
    /** deliveries of one call go out one after the other, in the order they fell due */
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    public SimCall(long seq, String provider, Account account, String providerCallId, String from, String to, int attempt,
            Instant receivedAt, double timeFactor, CallPlan plan, Map<String, Object> request) {
        this.seq = seq;
        this.provider = provider;
        this.account = account;
        this.providerCallId = providerCallId;
        this.from = from;
        this.to = to;
        this.attempt = attempt;
        this.receivedAt = receivedAt;
        this.timeFactor = timeFactor;
        this.plan = plan;
        this.request = request;
    }

    /** The real instant {@code providerSeconds} after the create-call, on the scaled clock. */
    public Instant at(double providerSeconds) {
        return receivedAt.plusMillis(realMillis(providerSeconds));
    }

    public long realMillis(double providerSeconds) {
        return Math.round(providerSeconds * 1000 * timeFactor);
    }

    public long getSeq() {
        return seq;
    }

    public String getProvider() {
        return provider;
    }

    @JsonIgnore
    public Account account() {
        return account;
    }

    public String getConnectionId() {
        return account.connectionId();
    }

    public String getProviderCallId() {
        return providerCallId;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public int getAttempt() {
        return attempt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public CallPlan getPlan() {
        return plan;
    }

    public Map<String, Object> getRequest() {
        return request;
    }

    public synchronized boolean isReordered() {
        return reordered;
    }

    synchronized void reordered() {
        reordered = true;
    }

    public synchronized List<Delivery> getDeliveries() {
        return List.copyOf(deliveries);
    }

    synchronized void add(Delivery delivery) {
        deliveries.add(delivery);
    }

    synchronized void chain(java.util.function.Supplier<CompletableFuture<Void>> next) {
        tail = tail.handle((ok, error) -> null).thenCompose(ignored -> next.get());
    }
}
