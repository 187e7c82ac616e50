package io.switchboard.demo;

/** A failure the demo explains in one line (and exits non-zero): never shown with a stack trace. */
public class DemoException extends RuntimeException {

    public DemoException(String message) {
        super(message);
    }
}
