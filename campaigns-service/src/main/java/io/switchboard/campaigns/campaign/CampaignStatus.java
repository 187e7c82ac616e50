package io.switchboard.campaigns.campaign;

import java.util.Arrays;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A campaign's lifecycle: draft → scheduled → active ⇄ paused → completed | cancelled; dialing happens only while active. */
public enum CampaignStatus {
    DRAFT("draft"),
    SCHEDULED("scheduled"),
    ACTIVE("active"),
    PAUSED("paused"),
    COMPLETED("completed"),
    CANCELLED("cancelled");

    private final String wire;

    CampaignStatus(String wire) {
        this.wire = wire;
    }

    /** The lifecycle's edges; anything else is a 409 naming the transition. */
    public boolean canMoveTo(CampaignStatus next) {
        return switch (this) {
            case DRAFT -> next == SCHEDULED || next == ACTIVE || next == CANCELLED;
            case SCHEDULED -> next == ACTIVE || next == CANCELLED;
            case ACTIVE -> next == PAUSED || next == COMPLETED || next == CANCELLED;
            case PAUSED -> next == ACTIVE || next == COMPLETED || next == CANCELLED;
            case COMPLETED, CANCELLED -> false;
        };
    }

    /** Completed and cancelled campaigns never change again. */
    public boolean ended() {
        return this == COMPLETED || this == CANCELLED;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static CampaignStatus fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown campaign status " + value));
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<CampaignStatus, String> {
        @Override
        public String convertToDatabaseColumn(CampaignStatus status) {
            return status == null ? null : status.wire;
        }

        @Override
        public CampaignStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
