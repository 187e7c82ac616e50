package io.switchboard.calls.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.customer.CustomerDoNotContactChangedV1;
import io.switchboard.events.dnc.OptOutAddedV1;
import io.switchboard.events.dnc.OptOutRemovedV1;
import io.switchboard.platform.inbox.EventHandler;

/**
 * The replica of contacts-service's SMS blocks (table sms_block): an sms opt-out per phone, and a customer's
 * do-not-contact flag (every channel) per customer. Applied in the idempotent consumer's transaction.
 */
final class SmsBlocks {

    private static final Logger LOG = Logger.getLogger(SmsBlocks.class);

    private SmsBlocks() {
    }

    static void block(EntityManager em, EventEnvelope<?> event, String key, String phone) {
        em.createNativeQuery("""
                INSERT INTO sms_block (tenant_id, block_key, phone, created_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (tenant_id, block_key) DO UPDATE SET phone = EXCLUDED.phone""")
                .setParameter(1, event.tenantId()).setParameter(2, key).setParameter(3, phone).setParameter(4, event.time())
                .executeUpdate();
        LOG.infof("sms block added tenant=%s key=%s event=%s", event.tenantId(), key.startsWith("optout:") ? "optout" : key, event.id());
    }

    static void unblock(EntityManager em, EventEnvelope<?> event, String key) {
        em.createNativeQuery("DELETE FROM sms_block WHERE tenant_id = ?1 AND block_key = ?2")
                .setParameter(1, event.tenantId()).setParameter(2, key).executeUpdate();
        LOG.infof("sms block removed tenant=%s key=%s event=%s", event.tenantId(), key.startsWith("optout:") ? "optout" : key, event.id());
    }

    @ApplicationScoped
    static class OnOptOutAdded implements EventHandler<OptOutAddedV1> {
        private final EntityManager em;

        OnOptOutAdded(EntityManager em) {
            this.em = em;
        }

        @Override
        public EventType<OptOutAddedV1> type() {
            return EventCatalog.OPTOUT_ADDED;
        }

        @Override
        public void handle(EventEnvelope<OptOutAddedV1> event) {
            if ("sms".equals(event.data().channel())) {
                block(em, event, "optout:" + event.data().phone(), event.data().phone());
            }
        }
    }

    @ApplicationScoped
    static class OnOptOutRemoved implements EventHandler<OptOutRemovedV1> {
        private final EntityManager em;

        OnOptOutRemoved(EntityManager em) {
            this.em = em;
        }

        @Override
        public EventType<OptOutRemovedV1> type() {
            return EventCatalog.OPTOUT_REMOVED;
        }

        @Override
        public void handle(EventEnvelope<OptOutRemovedV1> event) {
            if ("sms".equals(event.data().channel())) {
                unblock(em, event, "optout:" + event.data().phone());
            }
        }
    }

    @ApplicationScoped
    static class OnDoNotContact implements EventHandler<CustomerDoNotContactChangedV1> {
        private final EntityManager em;

        OnDoNotContact(EntityManager em) {
            this.em = em;
        }

        @Override
        public EventType<CustomerDoNotContactChangedV1> type() {
            return EventCatalog.CUSTOMER_DO_NOT_CONTACT_CHANGED;
        }

        @Override
        public void handle(EventEnvelope<CustomerDoNotContactChangedV1> event) {
            String key = "customer:" + event.data().customerId();
            if (event.data().doNotContact() && event.data().phone() != null) {
                block(em, event, key, event.data().phone());
            } else {
                unblock(em, event, key);
            }
        }
    }
}
