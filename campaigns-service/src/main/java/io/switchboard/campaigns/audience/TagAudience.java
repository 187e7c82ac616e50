package io.switchboard.campaigns.audience;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.campaigns.campaign.Campaign;

/** Audiences by tag: the replica's contacts carrying any of the tags, with their dialing zones. */
@ApplicationScoped
public class TagAudience {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    AudienceService audiences;

    @Inject
    ContactReplica replica;

    @SuppressWarnings("unchecked")
    AudienceUploadView add(UUID tenantId, Campaign campaign, TagAudienceRequest request) {
        List<String> tags = request.tags().stream().map(String::strip).distinct().toList();
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT contact_id, phone, CAST(time_zones AS text) FROM contact_replica
                WHERE tenant_id = ?1 AND jsonb_exists_any(tags, ARRAY(SELECT jsonb_array_elements_text(CAST(?2 AS jsonb))))
                ORDER BY contact_id""")
                .setParameter(1, tenantId).setParameter(2, replica.write(tags)).getResultList());
        List<AudienceRows.Mapped> recipients = rows.stream().map(r -> new AudienceRows.Mapped((String) r[1], zones((String) r[2]),
                (UUID) r[0], java.util.Map.of(), null, null)).toList();
        return audiences.addResolved(tenantId, campaign, "tags", recipients);
    }

    private List<String> zones(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
