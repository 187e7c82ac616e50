package io.switchboard.gateway.security;

import java.util.UUID;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reading our custom claims (tid, sid, scope), which smallrye-jwt may hand back as JSON-P values. */
public final class Claims {

    private Claims() {
    }

    public static String string(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return null;
        }
        return value instanceof JsonString json ? json.getString() : value.toString();
    }

    /** Null when absent or not a UUID. */
    public static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
