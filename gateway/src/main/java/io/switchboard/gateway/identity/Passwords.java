package io.switchboard.gateway.identity;

import java.security.GeneralSecurityException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.switchboard.gateway.security.AuthConfig;

/**
 * bcrypt through Quarkus / WildFly Elytron: hashing and constant-time verification, nothing hand-rolled. bcrypt
 * is slow on purpose (~250 ms at cost 12), so it must never run inside a database transaction: that would hold
 * a pooled connection for the whole hash, and a burst of logins would drain the pool. Calling it with a
 * transaction open is a programming error and fails at once ({@link #requireNoTransaction}).
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 10;
    /** bcrypt only reads the first 72 bytes. */
    public static final int MAX_LENGTH = 72;

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();

    @Inject
    AuthConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private volatile String dummyHash;

    public String hash(String password) {
        requireNoTransaction();
        return BcryptUtil.bcryptHash(password, config.bcryptCost());
    }

    public boolean matches(String password, String hash) {
        requireNoTransaction();
        if (password == null || hash == null) {
            return false;
        }
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            BCryptPassword stored = (BCryptPassword) factory.translate(ModularCrypt.decode(hash));
            return factory.verify(stored, password.toCharArray());
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private void requireNoTransaction() {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("bcrypt must run before the transaction opens, not inside it");
        }
    }

    /** Spends the same time as a real check, so an unknown e-mail cannot be told apart by latency. */
    public void burn(String password) {
        String hash = dummyHash;
        if (hash == null) {
            hash = hash("not-a-real-password-" + System.nanoTime());
            dummyHash = hash;
        }
        matches(password, hash);
    }
}
