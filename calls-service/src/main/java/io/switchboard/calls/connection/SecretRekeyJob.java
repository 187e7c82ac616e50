package io.switchboard.calls.connection;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.switchboard.platform.tenant.TenantScope;

/**
 * Key rotation's second half: after a new key is made current, this re-encrypts every secret still under an older
 * key, one connection per transaction under its own tenant. Once a run finds nothing left, the old key may be removed
 * from the configuration (a secret under a removed key no longer decrypts, and its connection's webhooks fail).
 */
@ApplicationScoped
public class SecretRekeyJob {

    private static final Logger LOG = Logger.getLogger(SecretRekeyJob.class);
    private static final int BATCH = 200;

    private final ConnectionService connections;
    private final ProviderConnectionRepository repository;
    private final SecretCipher cipher;

    public SecretRekeyJob(ConnectionService connections, ProviderConnectionRepository repository, SecretCipher cipher) {
        this.connections = connections;
        this.repository = repository;
        this.cipher = cipher;
    }

    @Scheduled(every = "${switchboard.calls.secrets.rekey-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        rekeyAll();
    }

    /** Re-encrypts everything under an older key; returns how many connections changed. */
    public int rekeyAll() {
        int total = 0;
        List<Object[]> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> repository.toRekey(cipher.currentKeyId(), BATCH));
            int changed = 0;
            for (Object[] row : batch) {
                UUID id = (UUID) row[0];
                UUID tenant = (UUID) row[1];
                try {
                    if (TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> connections.rekey(tenant, id)))) {
                        changed++;
                        LOG.infof("provider connection secrets re-encrypted tenant=%s connection=%s key=%s", tenant, id,
                                cipher.currentKeyId());
                    }
                } catch (IllegalStateException e) {
                    LOG.warnf("provider connection secrets cannot be re-encrypted tenant=%s connection=%s: %s", tenant, id,
                            e.getMessage());
                }
            }
            total += changed;
            if (changed == 0) {
                break; // what is left cannot be re-keyed (its key is gone): do not loop on it
            }
        } while (batch.size() == BATCH);
        return total;
    }
}
