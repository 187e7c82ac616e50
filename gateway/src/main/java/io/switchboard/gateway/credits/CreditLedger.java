package io.switchboard.gateway.credits;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;


/**
 * SQL for {@code credit_balance} and {@code credit_transactions}. Every balance change goes through a row lock
 * on the tenant's balance row, so concurrent changes for one tenant serialize; ledger rows are only inserted.
 */
@ApplicationScoped
public class CreditLedger {

    /** Description of the one sign-up grant per organization (how {@link #hasSignupCredits} recognises it). */
    static final String SIGNUP_CREDITS = "sign-up credits";

    @Inject
    EntityManager em;

    /** Creates the tenant's balance row at 0 if missing, then locks it; returns the balance before any change. */
    int lock(UUID tenantId) {
        em.createNativeQuery("INSERT INTO credit_balance (tenant_id, balance) VALUES (?1, 0) ON CONFLICT DO NOTHING")
                .setParameter(1, tenantId).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT balance FROM credit_balance WHERE tenant_id = ?1 FOR UPDATE")
                .setParameter(1, tenantId).getSingleResult()).intValue();
    }

    boolean hasSignupCredits(UUID tenantId) {
        return !em.createNativeQuery("""
                SELECT 1 FROM credit_transactions WHERE tenant_id = ?1 AND type = 'adjustment' AND description = ?2""")
                .setParameter(1, tenantId).setParameter(2, SIGNUP_CREDITS).getResultList().isEmpty();
    }

    boolean callDebited(UUID tenantId, UUID callId) {
        return !em.createNativeQuery("""
                SELECT 1 FROM credit_transactions WHERE tenant_id = ?1 AND call_id = ?2 AND type = 'usage'""")
                .setParameter(1, tenantId).setParameter(2, callId).getResultList().isEmpty();
    }

    /** What a call was billed for (issue 12): its duration and the credits due for it. */
    record CallCharge(long durationSeconds, int creditsDue) {
    }

    /** The call's billed figure, locked for this transaction; empty if no completion of it was billed here yet. */
    Optional<CallCharge> charge(UUID tenantId, UUID callId) {
        List<?> rows = em.createNativeQuery("""
                SELECT duration_seconds, credits_due FROM call_charge WHERE tenant_id = ?1 AND call_id = ?2 FOR UPDATE""")
                .setParameter(1, tenantId).setParameter(2, callId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new CallCharge(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
    }

    /** Records (or replaces) what the call is billed for now. */
    void saveCharge(UUID tenantId, UUID callId, CallCharge charge) {
        em.createNativeQuery("""
                INSERT INTO call_charge (tenant_id, call_id, duration_seconds, credits_due) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (tenant_id, call_id) DO UPDATE SET duration_seconds = EXCLUDED.duration_seconds,
                    credits_due = EXCLUDED.credits_due, updated_at = now()""")
                .setParameter(1, tenantId).setParameter(2, callId).setParameter(3, charge.durationSeconds())
                .setParameter(4, charge.creditsDue()).executeUpdate();
    }

    /** Credits actually taken for the call so far: its usage entry and its corrections, net. */
    int takenFor(UUID tenantId, UUID callId) {
        return ((Number) em.createNativeQuery("""
                SELECT COALESCE(-SUM(amount), 0) FROM credit_transactions WHERE tenant_id = ?1 AND call_id = ?2""")
                .setParameter(1, tenantId).setParameter(2, callId).getSingleResult()).intValue();
    }

    /** Takes up to {@code credits}, never below zero; returns the balance after. */
    int debit(UUID tenantId, int credits) {
        return ((Number) em.createNativeQuery("""
                UPDATE credit_balance SET balance = GREATEST(balance - ?2, 0), updated_at = now()
                WHERE tenant_id = ?1 RETURNING balance""")
                .setParameter(1, tenantId).setParameter(2, credits).getSingleResult()).intValue();
    }

    /** Adds {@code credits}; returns the balance after. */
    int credit(UUID tenantId, int credits) {
        return ((Number) em.createNativeQuery("""
                UPDATE credit_balance SET balance = balance + ?2, updated_at = now()
                WHERE tenant_id = ?1 RETURNING balance""")
                .setParameter(1, tenantId).setParameter(2, credits).getSingleResult()).intValue();
    }

    CreditTransaction append(UUID tenantId, UUID userId, TransactionType type, int amount, int balanceAfter, UUID callId,
            String description) {
        UUID id = UUID.randomUUID();
        Object createdAt = em.createNativeQuery("""
                INSERT INTO credit_transactions (id, tenant_id, user_id, type, amount, balance_after, call_id, description)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING created_at""")
                .setParameter(1, id).setParameter(2, tenantId).setParameter(3, userId).setParameter(4, type.code())
                .setParameter(5, amount).setParameter(6, balanceAfter).setParameter(7, callId)
                .setParameter(8, description)
                .getSingleResult();
        return new CreditTransaction(id, type.code(), amount, balanceAfter, callId, description,
                time(createdAt));
    }

    Optional<CreditBalance> balance(UUID tenantId) {
        List<?> rows = em.createNativeQuery("SELECT balance, updated_at FROM credit_balance WHERE tenant_id = ?1")
                .setParameter(1, tenantId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new CreditBalance(tenantId, ((Number) r[0]).intValue(), time(r[1])));
    }

    boolean hasEntries(UUID tenantId) {
        return !em.createNativeQuery("SELECT 1 FROM credit_transactions WHERE tenant_id = ?1 LIMIT 1")
                .setParameter(1, tenantId).getResultList().isEmpty();
    }

    Page<CreditTransaction> transactions(UUID tenantId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "created_at", "id", OffsetDateTime.class);
        Query query = em.createNativeQuery("""
                SELECT id, type, amount, balance_after, call_id, description, created_at FROM credit_transactions
                WHERE tenant_id = :tenantId""" + keyset.and() + keyset.orderBy() + " LIMIT :limit");
        keyset.params(Map.of("tenantId", tenantId, "limit", page.fetchSize())).forEach(query::setParameter);
        List<CreditTransaction> items = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new CreditTransaction((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(),
                    ((Number) r[3]).intValue(), (UUID) r[4], (String) r[5], time(r[6])));
        }
        return Page.of(items, page, t -> Cursor.of(t.createdAt(), t.id()), t -> t);
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }
}
