package io.switchboard.contacts.memory;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.switchboard.contacts.contact.Contact;
import io.switchboard.contacts.contact.ContactRepository;
import io.switchboard.contacts.settings.ContactSettingsRepository;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallAnalyzedV1;
import io.switchboard.platform.inbox.EventHandler;
import io.switchboard.platform.phone.PhoneNumbers;

/**
 * Auto memories: each fact of a call's analysis becomes a memory of the contact called, when the tenant
 * saves memories ({@code contact_settings.save_memories}) and the contact is known, by the event's contact id
 * or else by its phone. Never creates a contact (that is the call.* consumer's job). Idempotent twice over:
 * the inbox drops a redelivered event, and a re-published analysis finds its facts already stored.
 */
@ApplicationScoped
public class CallAnalyzedMemories implements EventHandler<CallAnalyzedV1> {

    private static final Logger LOG = Logger.getLogger(CallAnalyzedMemories.class);

    private final ContactRepository contacts;
    private final ContactSettingsRepository settings;
    private final MemoryService memories;

    @Inject
    public CallAnalyzedMemories(ContactRepository contacts, ContactSettingsRepository settings, MemoryService memories) {
        this.contacts = contacts;
        this.settings = settings;
        this.memories = memories;
    }

    @Override
    public EventType<CallAnalyzedV1> type() {
        return EventCatalog.CALL_ANALYZED;
    }

    @Override
    public void handle(EventEnvelope<CallAnalyzedV1> event) {
        UUID tenantId = event.tenantId();
        CallAnalyzedV1 analysis = event.data();
        Optional<UUID> callId = uuid(analysis.callId());
        if (analysis.memories().isEmpty() || callId.isEmpty() || !settings.forTenant(tenantId).saveMemories) {
            return;
        }
        Optional<Contact> contact = uuid(analysis.contactId()).flatMap(id -> contacts.findForTenant(tenantId, id))
                .or(() -> Optional.ofNullable(analysis.phone()).flatMap(PhoneNumbers::e164)
                        .flatMap(phone -> contacts.findByPhone(tenantId, phone)));
        if (contact.isEmpty()) {
            LOG.infof("call analysis without a known contact, no memories tenant=%s call=%s", tenantId, analysis.callId());
            return;
        }
        int stored = 0;
        for (String fact : analysis.memories()) {
            if (fact != null && !fact.isBlank() && memories.rememberFromCall(tenantId, contact.get().id, callId.get(), fact)) {
                stored++;
            }
        }
        LOG.infof("call analysis remembered tenant=%s contact=%s call=%s memories=%d", tenantId, contact.get().id,
                analysis.callId(), stored);
    }

    /** An id the calls context sent that is not a UUID identifies nothing here. */
    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
