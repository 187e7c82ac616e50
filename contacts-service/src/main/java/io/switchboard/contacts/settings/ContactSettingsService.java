package io.switchboard.contacts.settings;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.platform.phone.PhoneNumbers;
import io.switchboard.platform.problem.ProblemException;

@ApplicationScoped
@Transactional
public class ContactSettingsService {

    private static final Logger LOG = Logger.getLogger(ContactSettingsService.class);

    @Inject
    ContactSettingsRepository settings;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactSettingsView get(UUID tenantId) {
        return ContactSettingsView.of(settings.forTenant(tenantId));
    }

    /** Replaces the tenant's settings (an upsert: the row exists from the first PUT on). */
    public ContactSettingsView put(UUID tenantId, ContactSettingsRequest request) {
        String region = request.defaultRegion() == null || request.defaultRegion().isBlank() ? null
                : request.defaultRegion().strip().toUpperCase(Locale.ROOT);
        if (region != null && !PhoneNumbers.isRegion(region)) {
            throw ProblemException.badField("defaultRegion", "must be an ISO 3166-1 alpha-2 country code like US or GB");
        }
        ContactSettings found = settings.findById(tenantId);
        ContactSettings row = found != null ? found : ContactSettings.defaults(tenantId);
        row.defaultRegion = region;
        row.defaultTimeZone = request.defaultTimeZone() == null || request.defaultTimeZone().isBlank() ? null
                : request.defaultTimeZone().strip();
        row.autoCreateContacts = request.autoCreateContacts() == null || request.autoCreateContacts();
        row.saveMemories = request.saveMemories() == null || request.saveMemories();
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (found == null) {
            settings.persist(row); // complete before persist: the insert is built from the state at this point
        }
        LOG.infof("contact settings changed tenant=%s", tenantId);
        return ContactSettingsView.of(row);
    }
}
