package io.switchboard.gateway.identity;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * bcrypt never runs while a transaction holds a pooled connection. The guard makes a violation fail loudly, so
 * every sign-up, login, reset and user-creation test also proves its flow hashes before opening its transaction.
 */
@QuarkusTest
class PasswordsTest {

    @Inject
    Passwords passwords;

    @Test
    void hashingOrVerifyingInsideATransactionIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> passwords.hash("correct horse battery")));
        String hash = passwords.hash("correct horse battery");
        assertThrows(IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> passwords.matches("correct horse battery", hash)));
        assertTrue(passwords.matches("correct horse battery", hash));
    }
}
