package io.switchboard.campaigns.compliance;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallUsageChangedV1;
import io.switchboard.events.consent.ConsentGrantedV1;
import io.switchboard.events.consent.ConsentRevokedV1;
import io.switchboard.events.credits.CreditBalanceChangedV1;
import io.switchboard.events.customer.CustomerDoNotContactChangedV1;
import io.switchboard.events.dnc.DncNumberAddedV1;
import io.switchboard.events.dnc.DncNumberRemovedV1;
import io.switchboard.events.dnc.OptOutAddedV1;
import io.switchboard.events.dnc.OptOutRemovedV1;
import io.switchboard.platform.inbox.EventHandler;

/**
 * One {@link EventHandler} per replicated event type (the platform dispatches by type); each applies its event to
 * {@link ComplianceReplica} inside the idempotent consumer's transaction and records the replica's position.
 */
public final class ReplicaHandlers {

    static final String VOICE = "voice";

    private ReplicaHandlers() {
    }

    /** Shared shape: the type, the effect, and which replica's position it advances. */
    abstract static class Base<T extends io.switchboard.events.EventPayload> implements EventHandler<T> {
        @Inject
        ComplianceReplica replica;

        abstract String replicaName();

        abstract void apply(UUID tenant, T data);

        @Override
        public void handle(EventEnvelope<T> event) {
            apply(event.tenantId(), event.data());
            replica.consumed(replicaName(), event);
        }
    }

    abstract static class Contacts<T extends io.switchboard.events.EventPayload> extends Base<T> {
        @Override
        String replicaName() {
            return ComplianceReplica.CONTACTS;
        }
    }

    @ApplicationScoped
    public static class DncAdded extends Contacts<DncNumberAddedV1> {
        @Override
        public EventType<DncNumberAddedV1> type() {
            return EventCatalog.DNC_NUMBER_ADDED;
        }

        @Override
        void apply(UUID tenant, DncNumberAddedV1 e) {
            replica.block(tenant, e.phone(), "dnc", e.listId(), e.internal(), e.at());
        }
    }

    @ApplicationScoped
    public static class DncRemoved extends Contacts<DncNumberRemovedV1> {
        @Override
        public EventType<DncNumberRemovedV1> type() {
            return EventCatalog.DNC_NUMBER_REMOVED;
        }

        @Override
        void apply(UUID tenant, DncNumberRemovedV1 e) {
            replica.unblock(tenant, e.phone(), "dnc", e.listId());
        }
    }

    @ApplicationScoped
    public static class OptOutAdded extends Contacts<OptOutAddedV1> {
        @Override
        public EventType<OptOutAddedV1> type() {
            return EventCatalog.OPTOUT_ADDED;
        }

        @Override
        void apply(UUID tenant, OptOutAddedV1 e) {
            if (VOICE.equals(e.channel())) { // only a voice opt-out stops a call
                replica.block(tenant, e.phone(), "optout", e.optOutId(), false, e.at());
            }
        }
    }

    @ApplicationScoped
    public static class OptOutRemoved extends Contacts<OptOutRemovedV1> {
        @Override
        public EventType<OptOutRemovedV1> type() {
            return EventCatalog.OPTOUT_REMOVED;
        }

        @Override
        void apply(UUID tenant, OptOutRemovedV1 e) {
            replica.unblockRef(tenant, "optout", e.optOutId());
        }
    }

    @ApplicationScoped
    public static class DoNotContact extends Contacts<CustomerDoNotContactChangedV1> {
        @Override
        public EventType<CustomerDoNotContactChangedV1> type() {
            return EventCatalog.CUSTOMER_DO_NOT_CONTACT_CHANGED;
        }

        @Override
        void apply(UUID tenant, CustomerDoNotContactChangedV1 e) {
            if (e.doNotContact()) {
                replica.block(tenant, e.phone(), "do_not_contact", e.customerId(), false, e.changedAt());
            } else {
                replica.unblockRef(tenant, "do_not_contact", e.customerId());
            }
        }
    }

    @ApplicationScoped
    public static class ConsentGranted extends Contacts<ConsentGrantedV1> {
        @Override
        public EventType<ConsentGrantedV1> type() {
            return EventCatalog.CONSENT_GRANTED;
        }

        @Override
        void apply(UUID tenant, ConsentGrantedV1 e) {
            replica.consentGranted(tenant, e.consentId(), e.phone(), e.channel(), e.consentType(), e.capturedAt(),
                    e.expiresAt());
        }
    }

    @ApplicationScoped
    public static class ConsentRevoked extends Contacts<ConsentRevokedV1> {
        @Override
        public EventType<ConsentRevokedV1> type() {
            return EventCatalog.CONSENT_REVOKED;
        }

        @Override
        void apply(UUID tenant, ConsentRevokedV1 e) {
            replica.consentRevoked(tenant, e.consentId(), e.phone(), e.channel(), e.revokedAt());
        }
    }

    @ApplicationScoped
    public static class CreditsChanged extends Base<CreditBalanceChangedV1> {
        @Override
        public EventType<CreditBalanceChangedV1> type() {
            return EventCatalog.CREDITS_BALANCE_CHANGED;
        }

        @Override
        String replicaName() {
            return ComplianceReplica.CREDITS;
        }

        @Override
        void apply(UUID tenant, CreditBalanceChangedV1 e) {
            replica.balance(tenant, e.balance(), e.at());
        }
    }

    /** A completed call with talk time is a conversation: "none for D days after a conversation" counts from it. */
    @ApplicationScoped
    public static class Conversation implements EventHandler<CallCompletedV1> {
        @Inject
        ComplianceReplica replica;

        @Override
        public EventType<CallCompletedV1> type() {
            return EventCatalog.CALL_COMPLETED;
        }

        @Override
        public void handle(EventEnvelope<CallCompletedV1> event) {
            CallCompletedV1 e = event.data();
            if (talked(e.status(), e.durationSeconds(), e.phone())) {
                replica.conversation(event.tenantId(), e.phone(),
                        e.endedAt() == null ? event.time().toInstant() : e.endedAt());
            }
        }

        static boolean talked(String status, long durationSeconds, String phone) {
            return "completed".equals(status) && durationSeconds > 0 && phone != null;
        }
    }

    /**
     * A call completed at 0 s whose talk time arrived later (issue 12, call.usage_changed) was a conversation too.
     * Recording it again is harmless: the replica keeps the latest conversation time.
     */
    @ApplicationScoped
    public static class LateConversation implements EventHandler<CallUsageChangedV1> {
        @Inject
        ComplianceReplica replica;

        @Override
        public EventType<CallUsageChangedV1> type() {
            return EventCatalog.CALL_USAGE_CHANGED;
        }

        @Override
        public void handle(EventEnvelope<CallUsageChangedV1> event) {
            CallUsageChangedV1 e = event.data();
            if (Conversation.talked(e.status(), e.durationSeconds(), e.phone())) {
                replica.conversation(event.tenantId(), e.phone(), e.endedAt());
            }
        }
    }
}
