package io.switchboard.gateway.identity;

import java.util.Arrays;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A tenant's status: suspended tenants cannot log in, refresh, or call the API. Stored and shown in lower case. */
public enum OrganizationStatus {
    ACTIVE("active"),
    SUSPENDED("suspended");

    private final String wire;

    OrganizationStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static OrganizationStatus fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown organization status " + value));
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<OrganizationStatus, String> {
        @Override
        public String convertToDatabaseColumn(OrganizationStatus status) {
            return status == null ? null : status.wire;
        }

        @Override
        public OrganizationStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
