package io.switchboard.calls.connection;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the providers reach Switchboard (the gateway's public address): the webhook URLs a connection lists, and the
 * URL Twilio signed. Never the service's internal address, which no provider knows.
 */
@ApplicationScoped
public class PublicBaseUrl {

    @ConfigProperty(name = "switchboard.calls.public-base-url", defaultValue = "http://localhost:8080")
    String value;

    public String value() {
        return value.replaceAll("/+$", "");
    }

    /** The public URL of a path (with its query, if any) served here. */
    public String of(String pathAndQuery) {
        return value() + pathAndQuery;
    }
}
