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
     * no-op. The balance stops at 0; the ledger entry records what was actually taken.
     *
     * @return the usage entry, or empty if the call costs nothing or was already debited
     */
    public Optional<CreditTransaction> debitCall(UUID tenantId, UUID callId, long durationSeconds) {
        long cost = cost(durationSeconds);
        if (cost <= 0) {
            return Optional.empty();
        }
        int requested = (int) Math.min(cost, Integer.MAX_VALUE);
        int before = ledger.lock(tenantId); // from here on, debits for this tenant run one at a time
        if (ledger.callDebited(tenantId, callId)) {
            LOG.infof("credits call %s of tenant %s already debited", callId, tenantId);
            return Optional.empty();
        }
        int after = ledger.debit(tenantId, requested);
        int taken = before - after;
        String description = "call " + durationSeconds + "s = " + (cost / config.creditsPerMinute()) + " min x "
                + config.creditsPerMinute() + " credit(s)/min" + (taken < requested ? "; " + requested
                        + " due, " + taken + " available" : "");
        CreditTransaction entry = ledger.append(tenantId, null, TransactionType.USAGE, -taken, after, callId, description);
        if (taken != 0) {
            publish(tenantId, after, -taken, TransactionType.USAGE, callId);
        }
        LOG.infof("credits usage tenant=%s call=%s due=%d taken=%d balance=%d", tenantId, callId, requested, taken, after);
        return Optional.of(entry);
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
