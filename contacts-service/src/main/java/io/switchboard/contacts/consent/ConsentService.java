package io.switchboard.contacts.consent;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.contacts.contact.Contact;
import io.switchboard.contacts.contact.ContactRepository;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.consent.ConsentGrantedV1;
import io.switchboard.events.consent.ConsentRevokedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.RequestBodies;

/**
 * Consent records. Granting and revoking publish events with the phone, so a dialer keeps a replica and
 * can require recorded voice consent per campaign without calling back; {@link #hasValidConsent} answers
 * the same question inside this service.
 */
@ApplicationScoped
@Transactional
public class ConsentService {

    private static final Logger LOG = Logger.getLogger(ConsentService.class);

    public static final String VOICE = "voice";

    private final ConsentRepository consents;
    private final ContactRepository contacts;
    private final Outbox outbox;
    private final RequestBodies bodies;

    @Inject
    public ConsentService(ConsentRepository consents, ContactRepository contacts, Outbox outbox, RequestBodies bodies) {
        this.consents = consents;
        this.contacts = contacts;
        this.outbox = outbox;
        this.bodies = bodies;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ConsentView> list(UUID tenantId, UUID contactId, PageRequest page) {
        contacts.require(tenantId, contactId);
        OffsetDateTime now = now();
        return Page.of(consents.listForContact(tenantId, contactId, page), page, row -> Cursor.of(row.createdAt, row.id),
                row -> ConsentView.of(row, now));
    }

    public ConsentView grant(UUID tenantId, UUID contactId, GrantConsentRequest request) {
        Contact contact = contacts.require(tenantId, contactId);
        bodies.validate(request);
        OffsetDateTime now = now();
        OffsetDateTime capturedAt = request.capturedAt() == null ? now : request.capturedAt().withOffsetSameInstant(ZoneOffset.UTC);
        if (request.expiresAt() != null && !request.expiresAt().isAfter(capturedAt)) {
            throw ProblemException.badField("expiresAt", "must be after capturedAt");
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.tenantId = tenantId;
        consent.contactId = contactId;
        consent.channel = request.channel();
        consent.type = request.type();
        consent.source = blankToNull(request.source());
        consent.capturedAt = capturedAt;
        consent.evidence = blankToNull(request.evidence());
        consent.expiresAt = request.expiresAt() == null ? null : request.expiresAt().withOffsetSameInstant(ZoneOffset.UTC);
        consent.createdAt = now;
        consent.updatedAt = now;
        consents.persist(consent);
        outbox.publish(EventCatalog.CONSENT_GRANTED, tenantId, new ConsentGrantedV1(consent.id.toString(), contactId.toString(),
                contact.phone, consent.channel, consent.type, consent.source, consent.capturedAt.toInstant(),
                consent.expiresAt == null ? null : consent.expiresAt.toInstant()));
        LOG.infof("consent granted tenant=%s contact=%s consent=%s channel=%s type=%s", tenantId, contactId, consent.id,
                consent.channel, consent.type);
        return ConsentView.of(consent, now);
    }

    /** Revoking a revoked consent changes nothing and publishes nothing (a retried request is harmless). */
    public ConsentView revoke(UUID tenantId, UUID contactId, UUID consentId) {
        Contact contact = contacts.require(tenantId, contactId);
        Consent consent = consents.findForContact(tenantId, contactId, consentId)
                .orElseThrow(() -> ProblemException.notFound("consent", consentId));
        OffsetDateTime now = now();
        if (consent.revokedAt != null) {
            return ConsentView.of(consent, now);
        }
        consent.revokedAt = now;
        consent.updatedAt = now;
        outbox.publish(EventCatalog.CONSENT_REVOKED, tenantId, new ConsentRevokedV1(consent.id.toString(), contactId.toString(),
                contact.phone, consent.channel, consent.type, now.toInstant()));
        LOG.infof("consent revoked tenant=%s contact=%s consent=%s channel=%s", tenantId, contactId, consent.id, consent.channel);
        return ConsentView.of(consent, now);
    }

    /** Whether the contact has consent on {@code channel} in force at {@code at}: captured by then, not expired, not revoked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasValidConsent(UUID tenantId, UUID contactId, String channel, OffsetDateTime at) {
        return consents.anyValid(tenantId, contactId, channel, at);
    }

    /** Voice consent in force now: what an artificial-voice call to this contact needs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasValidVoiceConsentNow(UUID tenantId, UUID contactId) {
        return hasValidConsent(tenantId, contactId, VOICE, now());
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
