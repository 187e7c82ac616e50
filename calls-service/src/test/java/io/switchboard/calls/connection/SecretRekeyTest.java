package io.switchboard.calls.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.tenant.TenantScope;

/** Key rotation: secrets under the previous key still work, and the re-key job moves them to the current one. */
@QuarkusTest
class SecretRekeyTest {

    @Inject
    EntityManager em;

    @Inject
    ConnectionService service;

    @Inject
    SecretRekeyJob job;

    @ConfigProperty(name = "switchboard.calls.secrets.keys.test1")
    String previousKey;

    @Test
    void secretsUnderThePreviousKeyDecryptAndAreReEncryptedUnderTheCurrentOne() {
        UUID tenant = UUID.randomUUID();
        UUID id = TenantScope.call(tenant, () -> service.create(tenant,
                new CreateConnectionRequest(Provider.VAPI, "V", "webhook-s", "api-k", null, null, null))).id();
        // as if written before the rotation: encrypted under test1 (still configured, no longer current)
        SecretCipher previous = new SecretCipher("test1", Map.of("test1", Base64.getDecoder().decode(previousKey)));
        TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("UPDATE provider_connection SET webhook_secret = ?1, api_key = ?2 WHERE id = ?3")
                .setParameter(1, previous.encrypt("webhook-s", ConnectionService.context(id, ConnectionService.WEBHOOK_SECRET)))
                .setParameter(2, previous.encrypt("api-k", ConnectionService.context(id, ConnectionService.API_KEY)))
                .setParameter(3, id).executeUpdate()));
        assertEquals("webhook-s", credentials(tenant, id).webhookSecret());

        assertTrue(job.rekeyAll() >= 1);

        Object[] stored = TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> (Object[]) em
                .createNativeQuery("SELECT webhook_secret, api_key FROM provider_connection WHERE id = ?1").setParameter(1, id)
                .getSingleResult()));
        assertTrue(stored[0].toString().startsWith("test2:") && stored[1].toString().startsWith("test2:"));
        assertEquals("webhook-s", credentials(tenant, id).webhookSecret());
        assertEquals("api-k", credentials(tenant, id).apiKey());
        assertEquals(0, job.rekeyAll(), "nothing left under the previous key");
    }

    private ConnectionCredentials credentials(UUID tenant, UUID id) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> service.credentials(tenant, id))).orElseThrow();
    }
}
