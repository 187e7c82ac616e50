package io.switchboard.gateway.identity;

import java.security.GeneralSecurityException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.switchboard.gateway.security.AuthConfig;

/** bcrypt through Quarkus / WildFly Elytron: hashing and constant-time verification, nothing hand-rolled. */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 10;
    /** bcrypt only reads the first 72 bytes. */
    public static final int MAX_LENGTH = 72;

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();

    @Inject
    AuthConfig config;

    private volatile String dummyHash;

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, config.bcryptCost());
    }

    public boolean matches(String password, String hash) {
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
