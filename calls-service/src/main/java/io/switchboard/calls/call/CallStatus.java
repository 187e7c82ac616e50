package io.switchboard.calls.call;

import java.util.Arrays;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The normalized call status machine: queued → initiated → ringing → in_progress → a terminal status.
 * {@link #rank()} orders the machine so late or duplicate provider events never move a call backwards.
 */
public enum CallStatus {
    QUEUED("queued", 0),
    INITIATED("initiated", 1),
    RINGING("ringing", 2),
    IN_PROGRESS("in_progress", 3),
    COMPLETED("completed", 4),
    BUSY("busy", 4),
    NO_ANSWER("no_answer", 4),
    FAILED("failed", 4),
    CANCELED("canceled", 4);

    private final String wire;
    private final int rank;

    CallStatus(String wire, int rank) {
        this.wire = wire;
        this.rank = rank;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public int rank() {
        return rank;
    }

    public boolean terminal() {
        return rank == 4;
    }

    @JsonCreator
    public static CallStatus fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown call status " + value));
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<CallStatus, String> {
        @Override
        public String convertToDatabaseColumn(CallStatus status) {
            return status == null ? null : status.wire;
        }

        @Override
        public CallStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
