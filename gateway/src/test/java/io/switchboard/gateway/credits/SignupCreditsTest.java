package io.switchboard.gateway.credits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Db;
import io.switchboard.platform.tenant.TenantScope;

/**
 * The two halves of "sign-up credits wait for a verified e-mail" (the setting is off in tests, on in the k8s prod
 * overlay): an account opened without them starts at 0, and the grant happens once however often it is asked for.
 */
@QuarkusTest
class SignupCreditsTest {

    @Inject
    CreditService credits;

    @Test
    void anAccountOpenedWithoutSignupCreditsGetsThemOnceOnTheFirstGrant() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        CreditsFixture.organization(tenant);
        CreditsFixture.user(tenant, user, "admin");

        inTenant(tenant, () -> credits.openAccount(tenant, user, false));
        assertEquals(0, balance(tenant));

        inTenant(tenant, () -> credits.grantSignupCredits(tenant, user));
        inTenant(tenant, () -> credits.grantSignupCredits(tenant, user));

        assertEquals(15, balance(tenant));
        assertEquals(1L, (long) TenantScope.call(tenant,
                () -> Db.count("SELECT count(*) FROM credit_transactions WHERE tenant_id = ?", tenant)));
    }

    @Test
    void aGrantAfterOtherCreditsStillAddsTheSignupCreditsOnce() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        CreditsFixture.organization(tenant);
        CreditsFixture.user(tenant, user, "admin");
        inTenant(tenant, () -> credits.openAccount(tenant, user, false));
        inTenant(tenant, () -> credits.grant(tenant, new GrantCreditsRequest(100, "purchase", "paid before verifying"),
                user, tenant, null, null));

        inTenant(tenant, () -> credits.grantSignupCredits(tenant, user));
        inTenant(tenant, () -> credits.grantSignupCredits(tenant, user));

        assertEquals(115, balance(tenant));
    }

    private static void inTenant(UUID tenant, Runnable work) {
        TenantScope.call(tenant, () -> {
            QuarkusTransaction.requiringNew().run(work);
            return null;
        });
    }

    private static int balance(UUID tenant) {
        return TenantScope.call(tenant, () -> ((Number) Db.value("SELECT balance FROM credit_balance WHERE tenant_id = ?",
                tenant)).intValue());
    }
}
