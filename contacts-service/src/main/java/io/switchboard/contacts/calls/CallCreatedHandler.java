package io.switchboard.contacts.calls;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.switchboard.contacts.contact.ContactRepository;
import io.switchboard.contacts.contact.ContactService;
import io.switchboard.contacts.settings.ContactSettingsRepository;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.platform.inbox.EventHandler;
import io.switchboard.platform.phone.PhoneNumbers;
import io.switchboard.platform.problem.ProblemException;

/**
 * Finds the contact a new call is with (the event's contact id, else the remote number: the callee of an outbound
 * call, the caller of an inbound one) and remembers it for call.completed. An unknown number becomes a contact
 * (source webhook) when the tenant's {@code autoCreateContacts} is on.
 */
@ApplicationScoped
public class CallCreatedHandler implements EventHandler<CallCreatedV1> {

    private static final Logger LOG = Logger.getLogger(CallCreatedHandler.class);

    @Inject
    ContactCalls calls;

    @Inject
    ContactRepository contacts;

    @Inject
    ContactService service;

    @Inject
    ContactSettingsRepository settings;

    @Override
    public EventType<CallCreatedV1> type() {
        return EventCatalog.CALL_CREATED;
    }

    @Override
    public void handle(EventEnvelope<CallCreatedV1> event) {
        UUID tenantId = event.tenantId();
        CallCreatedV1 call = event.data();
        UUID callId = UUID.fromString(call.callId());
        Optional<UUID> contactId = calls.known(tenantId, call.contactId());
        if (contactId.isEmpty()) {
            String remote = "inbound".equalsIgnoreCase(call.direction()) ? call.fromNumber() : call.toNumber();
            Optional<String> e164 = PhoneNumbers.e164(remote, settings.forTenant(tenantId).defaultRegion);
            if (e164.isEmpty()) {
                return; // withheld or unparseable caller id: nobody to attach the call to
            }
            contactId = contacts.findByPhone(tenantId, e164.get()).map(c -> c.id);
            if (contactId.isEmpty() && settings.forTenant(tenantId).autoCreateContacts) {
                contactId = Optional.of(createOrRetry(tenantId, e164.get(), callId));
            }
        }
        contactId.ifPresent(id -> {
            calls.link(tenantId, callId, id);
            LOG.infof("call linked to contact tenant=%s call=%s contact=%s", tenantId, callId, id);
        });
    }

    /**
     * Another transaction (an API create, a concurrent call) may take the number between our lookup and our
     * insert: that is a failure the inbox retries (a new transaction, which then finds the contact), not a
     * poison event for the dead-letter topic.
     */
    private UUID createOrRetry(UUID tenantId, String e164, UUID callId) {
        try {
            return service.createFromCall(tenantId, e164, callId).id;
        } catch (ProblemException e) {
            if (e.status() == 409) {
                throw new jakarta.persistence.LockTimeoutException("contact for " + callId + " created concurrently; retrying", e);
            }
            throw e;
        }
    }
}
