package io.switchboard.calls.connection;

import java.util.Arrays;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The voice providers whose webhooks calls-service verifies and ingests. */
public enum Provider {
    TWILIO("twilio"),
    VAPI("vapi"),
    RETELL("retell"),
    ELEVENLABS("elevenlabs"),
    BOLNA("bolna");

    private final String wire;

    Provider(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Provider fromWire(String value) {
        return find(value).orElseThrow(() -> new IllegalArgumentException("must be twilio, vapi, retell, elevenlabs or bolna"));
    }

    public static java.util.Optional<Provider> find(String value) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(value)).findFirst();
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<Provider, String> {
        @Override
        public String convertToDatabaseColumn(Provider provider) {
            return provider == null ? null : provider.wire;
        }

        @Override
        public Provider convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
