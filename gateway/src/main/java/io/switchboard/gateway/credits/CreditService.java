package io.switchboard.gateway.credits;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.credits.CreditBalanceChangedV1;
import io.switchboard.gateway.audit.AdminAuditLog;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;

/**
 * The credit rules. Every change locks the tenant's balance row, writes one ledger entry and (when the balance
 * moved) a {@code credits.balance_changed} event through the outbox, all in one transaction.
 */
@ApplicationScoped
@Transactional
public class CreditService {

    private static final Logger LOG = Logger.getLogger(CreditService.class);

    @Inject
    CreditLedger ledger;

    @Inject
    Outbox outbox;

    @Inject
    AdminAuditLog audit;

    @Inject
    CreditsConfig config;

    @Inject
    ObjectMapper json;

    /** Credits a call of this length costs: every started minute at the configured rate. */
    public long cost(long durationSeconds) {
        long minutes = durationSeconds <= 0 ? 0 : (durationSeconds + 59) / 60;
        return minutes * config.creditsPerMinute();
    }

    /**
     * Debits a completed call once: a second debit for the same call (redelivery, or another event for it) is a
     * no-op. The balance stops at 0; the ledger entry records what was actually taken. What the call was billed for
     * is kept ({@code call_charge}, even at 0 credits), so a later {@link #correctCall} applies only the difference.
     *
     * @return the usage entry, or empty if the call costs nothing or was already debited
     */
    public Optional<CreditTransaction> debitCall(UUID tenantId, UUID callId, long durationSeconds) {
        long cost = cost(durationSeconds);
        int before = ledger.lock(tenantId); // from here on, debits for this tenant run one at a time
        if (ledger.charge(tenantId, callId).isPresent() || ledger.callDebited(tenantId, callId)) {
            LOG.infof("credits call %s of tenant %s already debited", callId, tenantId);
            return Optional.empty();
        }
        ledger.saveCharge(tenantId, callId, new CreditLedger.CallCharge(Math.max(durationSeconds, 0), due(cost)));
        if (cost <= 0) {
            return Optional.empty();
        }
        return Optional.of(take(tenantId, callId, before, due(cost), TransactionType.USAGE,
                "call " + durationSeconds + "s = " + (cost / config.creditsPerMinute()) + " min x "
                        + config.creditsPerMinute() + " credit(s)/min"));
    }

    /**
     * A completed call's duration changed after its completion was billed (issue 12, {@code call.usage_changed}):
     * debits the extra credits due, or gives back what is no longer due (never more than was taken for the call).
     * Applies the difference to what the call was billed for, so applying the same duration twice changes nothing.
     * A call billed before this rule existed (or never billed) counts as billed for {@code previousDurationSeconds}.
     * The first credits a call costs are its {@code usage} entry (a call completed at 0 s); later ones, and refunds,
     * are {@code usage_correction} entries.
     *
     * @return the ledger entry, or empty if the credits due did not change
     */
    public Optional<CreditTransaction> correctCall(UUID tenantId, UUID callId, long durationSeconds,
            long previousDurationSeconds) {
        int before = ledger.lock(tenantId);
        Optional<CreditLedger.CallCharge> billed = ledger.charge(tenantId, callId);
        long billedSeconds = billed.map(CreditLedger.CallCharge::durationSeconds).orElse(Math.max(previousDurationSeconds, 0));
        int billedDue = billed.map(CreditLedger.CallCharge::creditsDue).orElse(due(cost(previousDurationSeconds)));
        long seconds = Math.max(durationSeconds, 0);
        if (billed.isPresent() && billedSeconds == seconds) {
            LOG.infof("credits call %s of tenant %s already billed for %ds", callId, tenantId, seconds);
            return Optional.empty();
        }
        int due = due(cost(seconds));
        ledger.saveCharge(tenantId, callId, new CreditLedger.CallCharge(seconds, due));
        String description = "call " + billedSeconds + "s -> " + seconds + "s: " + billedDue + " -> " + due
                + " credit(s) due at " + config.creditsPerMinute() + " credit(s)/min";
        if (due > billedDue) {
            TransactionType type = ledger.callDebited(tenantId, callId) ? TransactionType.USAGE_CORRECTION : TransactionType.USAGE;
            return Optional.of(take(tenantId, callId, before, due - billedDue, type, description));
        }
        if (due < billedDue) {
            // give back only what was taken beyond what is due now (a shortfall was never taken)
            int refund = Math.min(billedDue - due, Math.max(0, ledger.takenFor(tenantId, callId) - due));
            if (refund <= 0) {
                LOG.infof("credits call %s of tenant %s: %d credit(s) less due, none taken beyond that", callId, tenantId,
                        billedDue - due);
                return Optional.empty();
            }
            int after = ledger.credit(tenantId, refund);
            CreditTransaction entry = ledger.append(tenantId, null, TransactionType.USAGE_CORRECTION, refund, after, callId,
                    description + (refund < billedDue - due ? "; " + refund + " of " + (billedDue - due)
                            + " given back (the rest was never taken)" : ""));
            publish(tenantId, after, refund, TransactionType.REFUND, callId);
            LOG.infof("credits usage correction tenant=%s call=%s refunded=%d balance=%d", tenantId, callId, refund, after);
            return Optional.of(entry);
        }
        LOG.infof("credits call %s of tenant %s now %ds, same credits due", callId, tenantId, seconds);
        return Optional.empty();
    }

    /** Takes up to {@code requested} credits for the call (under the tenant's lock) and writes its ledger entry. */
    private CreditTransaction take(UUID tenantId, UUID callId, int before, int requested, TransactionType type,
            String description) {
        int after = ledger.debit(tenantId, requested);
        int taken = before - after;
        CreditTransaction entry = ledger.append(tenantId, null, type, -taken, after, callId, description
                + (taken < requested ? "; " + requested + " due, " + taken + " available" : ""));
        if (taken != 0) {
            publish(tenantId, after, -taken, TransactionType.USAGE, callId);
        }
        LOG.infof("credits %s tenant=%s call=%s due=%d taken=%d balance=%d", type.code(), tenantId, callId, requested,
                taken, after);
        return entry;
    }

    private static int due(long cost) {
        return (int) Math.min(cost, Integer.MAX_VALUE);
    }

    /**
     * A super_admin adds credits to a tenant: ledger entry, balance, balance event and audit entry commit together.
     */
    public GrantResult grant(UUID tenantId, GrantCreditsRequest request, UUID actorUserId, UUID actorTenantId, String ip,
            String userAgent) {
        TransactionType type = TransactionType.of(request.type());
        ledger.lock(tenantId);
        int after = ledger.credit(tenantId, request.amount());
        CreditTransaction entry = ledger.append(tenantId, actorUserId, type, request.amount(), after, null,
                request.description());
        publish(tenantId, after, request.amount(), type, null);
        String details = json.createObjectNode()
                .put("transactionId", entry.id().toString())
                .put("type", type.code())
                .put("amount", request.amount())
                .put("balanceAfter", after)
                .put("description", request.description())
                .toString();
        UUID auditId = audit.record(actorUserId, actorTenantId, tenantId, "credits.grant",
                "tenants/" + tenantId + "/credits", details, ip, userAgent);
        LOG.infof("credits %s tenant=%s amount=%d balance=%d by user=%s", type.code(), tenantId, request.amount(), after,
                actorUserId);
        return new GrantResult(tenantId, after, entry, auditId);
    }

    /**
     * Opens a new organization's account (balance 0), with the configured sign-up credits at once unless they wait
     * for a verified e-mail ({@link #grantSignupCredits}). For the sign-up flow: call it inside the transaction
     * that creates the organization.
     */
    @Transactional(TxType.MANDATORY)
    public void openAccount(UUID tenantId, UUID userId, boolean grantSignupCredits) {
        ledger.lock(tenantId); // creates the balance row
        if (grantSignupCredits) {
            grantSignupCredits(tenantId, userId);
        }
    }

    /**
     * The configured sign-up credits, as an 'adjustment' entry, once per organization: a second call (another
     * verification, a repeated request) changes nothing.
     */
    @Transactional(TxType.MANDATORY)
    public void grantSignupCredits(UUID tenantId, UUID userId) {
        ledger.lock(tenantId); // serializes concurrent grants for the tenant
        if (config.signupCredits() <= 0 || ledger.hasSignupCredits(tenantId)) {
            return;
        }
        int after = ledger.credit(tenantId, config.signupCredits());
        ledger.append(tenantId, userId, TransactionType.ADJUSTMENT, config.signupCredits(), after, null,
                CreditLedger.SIGNUP_CREDITS);
        publish(tenantId, after, config.signupCredits(), TransactionType.ADJUSTMENT, null);
        LOG.infof("credits sign-up grant tenant=%s amount=%d balance=%d", tenantId, config.signupCredits(), after);
    }

    @Transactional(TxType.SUPPORTS)
    public CreditBalance balance(UUID tenantId) {
        return ledger.balance(tenantId).orElse(new CreditBalance(tenantId, 0, null));
    }

    @Transactional(TxType.SUPPORTS)
    public Page<CreditTransaction> transactions(UUID tenantId, PageRequest page) {
        return ledger.transactions(tenantId, page);
    }

    private void publish(UUID tenantId, int balance, int change, TransactionType reason, UUID callId) {
        outbox.publish(EventCatalog.CREDITS_BALANCE_CHANGED, tenantId, new CreditBalanceChangedV1(tenantId.toString(),
                balance, change, reason.code(), callId == null ? null : callId.toString(), Instant.now()));
    }
}
