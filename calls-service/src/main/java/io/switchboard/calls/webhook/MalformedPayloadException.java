package io.switchboard.calls.webhook;

/** A provider body that cannot be read or lacks a required field; the message names the field. */
public class MalformedPayloadException extends RuntimeException {

    private final String providerEventType;

    public MalformedPayloadException(String providerEventType, String message) {
        super(message);
        this.providerEventType = providerEventType;
    }

    public String providerEventType() {
        return providerEventType;
    }
}
