package io.switchboard.events;

/** Bytes that are not a Switchboard CloudEvent we can read: unparseable, missing attributes, or an unknown type. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidEventException(String message) {
        super(message);
    }
}
