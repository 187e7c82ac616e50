package io.switchboard.calls.call;

import java.util.Arrays;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum CallDirection {
    INBOUND("inbound"),
    OUTBOUND("outbound");

    private final String wire;

    CallDirection(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static CallDirection fromWire(String value) {
        return Arrays.stream(values()).filter(d -> d.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be inbound or outbound"));
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<CallDirection, String> {
        @Override
        public String convertToDatabaseColumn(CallDirection direction) {
            return direction == null ? null : direction.wire;
        }

        @Override
        public CallDirection convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
