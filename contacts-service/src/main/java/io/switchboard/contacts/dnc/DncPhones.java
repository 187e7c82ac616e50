package io.switchboard.contacts.dnc;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.switchboard.contacts.settings.ContactSettingsRepository;
import io.switchboard.platform.phone.PhoneNumbers;
import io.switchboard.platform.problem.ProblemException;

/**
 * Phones as opt-outs and DNC lists take them: international, or national for the tenant's
 * {@code contact_settings.default_region}; stored and published in E.164.
 */
@ApplicationScoped
public class DncPhones {

    static final String MESSAGE = "must be a valid phone number: international like +14155550123, or national when the tenant has a default region";

    @Inject
    ContactSettingsRepository settings;

    /** The E.164 form, or 400 naming {@code field}. */
    public String require(UUID tenantId, String raw, String field) {
        return normalizer(tenantId).apply(raw).orElseThrow(() -> ProblemException.badField(field, MESSAGE));
    }

    /** Reads the tenant's region once, for a whole file. */
    public Function<String, Optional<String>> normalizer(UUID tenantId) {
        String region = settings.forTenant(tenantId).defaultRegion;
        return raw -> PhoneNumbers.e164(raw, region);
    }
}
