package io.switchboard.simulator.play;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One scheduled webhook delivery of a call and what became of it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "event", "url", "dueAt", "duplicate", "delayed", "state", "attempts", "httpStatus", "error", "sentAt" })
public final class Delivery {

    public enum State {
        scheduled,
        /** the platform answered 2xx */
        sent,
        /** the platform answered 4xx (not retried, as providers do not retry a refusal) */
        rejected,
        /** every attempt failed (refused connection, timeout, 429, 5xx) */
        failed,
        /** dropped by a reset before it was due */
        canceled
    }

    private final Webhook webhook;
    private final Instant dueAt;
    private final boolean duplicate;
    private final boolean delayed;
    private State state = State.scheduled;
    private int attempts;
    private Integer httpStatus;
    private String error;
    private Instant sentAt;

    Delivery(Webhook webhook, Instant dueAt, boolean duplicate, boolean delayed) {
        this.webhook = webhook;
        this.dueAt = dueAt;
        this.duplicate = duplicate;
        this.delayed = delayed;
    }

    @JsonIgnore
    public Webhook webhook() {
        return webhook;
    }

    public String getEvent() {
        return webhook.event();
    }

    public String getUrl() {
        return webhook.url();
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public boolean isDuplicate() {
        return duplicate;
    }

    public boolean isDelayed() {
        return delayed;
    }

    public synchronized State getState() {
        return state;
    }

    public synchronized int getAttempts() {
        return attempts;
    }

    public synchronized Integer getHttpStatus() {
        return httpStatus;
    }

    public synchronized String getError() {
        return error;
    }

    public synchronized Instant getSentAt() {
        return sentAt;
    }

    synchronized int attempt() {
        return ++attempts;
    }

    synchronized void result(State state, Integer httpStatus, String error, Instant at) {
        this.state = state;
        this.httpStatus = httpStatus;
        this.error = error;
        this.sentAt = at;
    }
}
