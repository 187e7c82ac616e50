package io.switchboard.calls.call;

import java.util.Arrays;
import java.util.Optional;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a call ended, in one vocabulary for every provider (calls-service/docs/call-model.md has the table), each
 * with ViciDial-style flags so campaigns, retries and KPIs can ask "did a person answer?" without knowing the
 * provider. Provider ended reasons map here in each normalizer's mapping table.
 */
public enum Disposition {
    /** a person answered and the conversation ran to a normal end */
    ANSWERED_HUMAN("answered_human", DispositionFlags.of(true, true, false, false, false, false)),
    /** a person answered but hung up or went silent before the conversation got anywhere */
    HUNG_UP("hung_up", DispositionFlags.of(true, false, false, false, false, false)),
    /** the call was handed over to a human or another number */
    TRANSFERRED("transferred", DispositionFlags.of(true, true, false, false, false, false)),
    /** the person asked to be called back later */
    CALLBACK_REQUESTED("callback_requested", DispositionFlags.of(true, false, true, false, false, false)),
    /** the person asked never to be called again */
    DO_NOT_CALL("do_not_call", DispositionFlags.of(true, true, false, true, false, false)),
    /** voicemail reached (a message may have been left) */
    VOICEMAIL("voicemail", DispositionFlags.of(false, false, false, false, true, true)),
    /** an answering machine, IVR or fax answered */
    MACHINE("machine", DispositionFlags.of(false, false, false, false, false, true)),
    BUSY("busy", DispositionFlags.NONE),
    NO_ANSWER("no_answer", DispositionFlags.NONE),
    /** canceled before it connected */
    CANCELED("canceled", DispositionFlags.NONE),
    /** a technical failure (provider, carrier, configuration, or no final event ever arrived) */
    FAILED("failed", DispositionFlags.NONE);

    private final String wire;
    private final DispositionFlags flags;

    Disposition(String wire, DispositionFlags flags) {
        this.wire = wire;
        this.flags = flags;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public DispositionFlags flags() {
        return flags;
    }

    /** The terminal status a call ending this way has: the failure-like ones their own, every other completed. */
    public CallStatus terminalStatus() {
        return switch (this) {
            case BUSY -> CallStatus.BUSY;
            case NO_ANSWER -> CallStatus.NO_ANSWER;
            case FAILED -> CallStatus.FAILED;
            case CANCELED -> CallStatus.CANCELED;
            default -> CallStatus.COMPLETED;
        };
    }

    public static Optional<Disposition> parse(String value) {
        return Arrays.stream(values()).filter(d -> d.wire.equals(value)).findFirst();
    }

    @JsonCreator
    public static Disposition fromWire(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown disposition " + value));
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<Disposition, String> {
        @Override
        public String convertToDatabaseColumn(Disposition disposition) {
            return disposition == null ? null : disposition.wire;
        }

        @Override
        public Disposition convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
