package io.switchboard.calls.sms;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.calls.connection.Provider;
import io.switchboard.calls.connection.ProviderConnectionRepository;
import io.switchboard.platform.phone.PhoneNumbers;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.RequestBodies;

/** The tenant's post-call SMS settings; a tenant that never saved any has the defaults (seed 001). */
@ApplicationScoped
@Transactional
public class SmsSettingsService {

    private static final Logger LOG = Logger.getLogger(SmsSettingsService.class);

    private final EntityManager em;
    private final TemplateService templates;
    private final ProviderConnectionRepository connections;
    private final RequestBodies bodies;

    public SmsSettingsService(EntityManager em, TemplateService templates, ProviderConnectionRepository connections,
            RequestBodies bodies) {
        this.em = em;
        this.templates = templates;
        this.connections = connections;
        this.bodies = bodies;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SmsSettings forTenant(UUID tenantId) {
        SmsSettings stored = em.find(SmsSettings.class, tenantId);
        if (stored != null) {
            return stored;
        }
        SmsSettings defaults = new SmsSettings();
        defaults.tenantId = tenantId;
        return defaults;
    }

    public SmsSettingsView replace(UUID tenantId, SmsSettingsRequest request) {
        bodies.validate(request);
        if (request.defaultTemplateId() != null && templates.lookup(tenantId, request.defaultTemplateId()).isEmpty()) {
            throw ProblemException.badField("defaultTemplateId", "no message template " + request.defaultTemplateId());
        }
        if (request.connectionId() != null && connections.findForTenant(tenantId, request.connectionId())
                .filter(c -> c.provider == Provider.TWILIO).isEmpty()) {
            throw ProblemException.badField("connectionId", "must be a Twilio connection of the tenant");
        }
        SmsSettings s = em.find(SmsSettings.class, tenantId);
        boolean fresh = s == null;
        if (fresh) {
            s = new SmsSettings();
            s.tenantId = tenantId;
        }
        s.smsEnabled = request.smsEnabled() == null || request.smsEnabled();
        s.smsSkipSilent = request.smsSkipSilent() == null || request.smsSkipSilent();
        s.defaultTemplateId = request.defaultTemplateId();
        s.connectionId = request.connectionId();
        s.fromNumber = request.fromNumber() == null ? null : PhoneNumbers.e164(request.fromNumber())
                .orElseThrow(() -> ProblemException.badField("fromNumber", "must be a valid international number"));
        s.updatedAt = now();
        if (fresh) {
            em.persist(s);
        }
        LOG.infof("sms settings saved tenant=%s enabled=%s skipSilent=%s", tenantId, s.smsEnabled, s.smsSkipSilent);
        return SmsSettingsView.of(s);
    }
}
