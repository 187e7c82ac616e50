package io.switchboard.campaigns.audience;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventType;
import io.switchboard.events.contact.ContactCreatedV1;
import io.switchboard.events.contact.ContactDeletedV1;
import io.switchboard.events.contact.ContactMergedV1;
import io.switchboard.events.contact.ContactUpdatedV1;
import io.switchboard.platform.inbox.EventHandler;

/**
 * The contacts replica audiences by tag read (phone, dialing zones, tags), fed by switchboard.contacts. A contact's
 * events are keyed by its id, so they arrive in order; each upsert still keeps the later {@code updated_at}, so a
 * redelivered older event never overwrites a newer state.
 */
@ApplicationScoped
public class ContactReplica {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    void upsert(UUID tenantId, String contactId, String phone, List<String> zones, List<String> tags, Instant at) {
        if (phone == null) {
            return;
        }
        // null tags: a producer from before tags were published; keep what the replica has
        em.createNativeQuery("""
                INSERT INTO contact_replica (tenant_id, contact_id, phone, time_zones, tags, updated_at)
                VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), coalesce(NULLIF(CAST(?5 AS jsonb), CAST('null' AS jsonb)), CAST('[]' AS jsonb)), ?6)
                ON CONFLICT (tenant_id, contact_id) DO UPDATE SET phone = excluded.phone, time_zones = excluded.time_zones,
                    tags = coalesce(NULLIF(CAST(?5 AS jsonb), CAST('null' AS jsonb)), contact_replica.tags), updated_at = excluded.updated_at
                WHERE contact_replica.updated_at <= excluded.updated_at""")
                .setParameter(1, tenantId).setParameter(2, UUID.fromString(contactId)).setParameter(3, phone)
                .setParameter(4, write(zones == null ? List.of() : zones)).setParameter(5, tags == null ? "null" : write(tags))
                .setParameter(6, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).executeUpdate();
    }

    void remove(UUID tenantId, String contactId) {
        em.createNativeQuery("DELETE FROM contact_replica WHERE tenant_id = ?1 AND contact_id = ?2")
                .setParameter(1, tenantId).setParameter(2, UUID.fromString(contactId)).executeUpdate();
    }

    /** A string list as the JSONB text the replica's columns take. */
    String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ApplicationScoped
    static class Created implements EventHandler<ContactCreatedV1> {
        @Inject
        ContactReplica replica;

        @Override
        public EventType<ContactCreatedV1> type() {
            return EventCatalog.CONTACT_CREATED;
        }

        @Override
        public void handle(EventEnvelope<ContactCreatedV1> event) {
            ContactCreatedV1 c = event.data();
            replica.upsert(event.tenantId(), c.contactId(), c.phone(), c.timeZones(), c.tags(), c.createdAt());
        }
    }

    @ApplicationScoped
    static class Updated implements EventHandler<ContactUpdatedV1> {
        @Inject
        ContactReplica replica;

        @Override
        public EventType<ContactUpdatedV1> type() {
            return EventCatalog.CONTACT_UPDATED;
        }

        @Override
        public void handle(EventEnvelope<ContactUpdatedV1> event) {
            ContactUpdatedV1 c = event.data();
            replica.upsert(event.tenantId(), c.contactId(), c.phone(), c.timeZones(), c.tags(), c.updatedAt());
        }
    }

    @ApplicationScoped
    static class Deleted implements EventHandler<ContactDeletedV1> {
        @Inject
        ContactReplica replica;

        @Override
        public EventType<ContactDeletedV1> type() {
            return EventCatalog.CONTACT_DELETED;
        }

        @Override
        public void handle(EventEnvelope<ContactDeletedV1> event) {
            replica.remove(event.tenantId(), event.data().contactId());
        }
    }

    @ApplicationScoped
    static class Merged implements EventHandler<ContactMergedV1> {
        @Inject
        ContactReplica replica;

        @Override
        public EventType<ContactMergedV1> type() {
            return EventCatalog.CONTACT_MERGED;
        }

        @Override
        public void handle(EventEnvelope<ContactMergedV1> event) {
            // the survivor's new state comes as its own contact.updated
            replica.remove(event.tenantId(), event.data().mergedContactId());
        }
    }
}
