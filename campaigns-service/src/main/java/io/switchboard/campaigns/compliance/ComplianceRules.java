package io.switchboard.campaigns.compliance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jboss.logging.Logger;

import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.time.DatabaseTime;

/**
 * A tenant's attempt caps per number, across all its campaigns and direct calls: at most {@code maxAttempts} dials
 * in any {@code windowDays} days, none for {@code quietDaysAfterConversation} days after a conversation. Preset
 * {@code us_reg_f} is the US Regulation F rule (12 CFR 1006.14): 7 calls in 7 days, none for 7 days after a
 * conversation. No rule saved: no caps (the tenant chooses).
 */
@ApplicationScoped
@Transactional
public class ComplianceRules {

    private static final Logger LOG = Logger.getLogger(ComplianceRules.class);

    public static final String US_REG_F = "us_reg_f";
    public static final String CUSTOM = "custom";

    /** The rule in force; all null/0 when the tenant saved none. */
    public record Rule(String preset, Integer maxAttempts, Integer windowDays, int quietDaysAfterConversation,
            OffsetDateTime updatedAt) {
        static final Rule NONE = new Rule(null, null, null, 0, null);
    }

    /** PUT body: a preset, or {@code custom} with the numbers. */
    public record Request(
            @NotNull @Pattern(regexp = "us_reg_f|custom", message = "must be us_reg_f or custom") String preset,
            @Min(1) @Max(1000) Integer maxAttempts,
            @Min(1) @Max(365) Integer windowDays,
            @Min(0) @Max(365) Integer quietDaysAfterConversation) {
    }

    private final EntityManager em;

    public ComplianceRules(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Rule get(UUID tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT preset, max_attempts, window_days, quiet_days_after_conversation, updated_at
                FROM compliance_rule WHERE tenant_id = ?1""").setParameter(1, tenant).getResultList();
        if (rows.isEmpty()) {
            return Rule.NONE;
        }
        Object[] r = rows.get(0);
        return new Rule((String) r[0], (Integer) r[1], (Integer) r[2], (Integer) r[3],
                DbValues.utc(DbValues.instant(r[4])));
    }

    public Rule put(UUID tenant, Request request) {
        Rule rule = resolve(request);
        em.createNativeQuery("""
                INSERT INTO compliance_rule (tenant_id, preset, max_attempts, window_days, quiet_days_after_conversation, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (tenant_id) DO UPDATE SET preset = EXCLUDED.preset, max_attempts = EXCLUDED.max_attempts,
                    window_days = EXCLUDED.window_days,
                    quiet_days_after_conversation = EXCLUDED.quiet_days_after_conversation, updated_at = EXCLUDED.updated_at""")
                .setParameter(1, tenant).setParameter(2, rule.preset()).setParameter(3, rule.maxAttempts())
                .setParameter(4, rule.windowDays()).setParameter(5, rule.quietDaysAfterConversation())
                .setParameter(6, rule.updatedAt()).executeUpdate();
        LOG.infof("compliance rule saved tenant=%s preset=%s max_attempts=%s window_days=%s quiet_days=%d", tenant,
                rule.preset(), rule.maxAttempts(), rule.windowDays(), rule.quietDaysAfterConversation());
        return rule;
    }

    static Rule resolve(Request request) {
        OffsetDateTime now = DatabaseTime.now();
        if (US_REG_F.equals(request.preset())) {
            return new Rule(US_REG_F, 7, 7, 7, now);
        }
        if ((request.maxAttempts() == null) != (request.windowDays() == null)) {
            throw ProblemException.badField(request.maxAttempts() == null ? "maxAttempts" : "windowDays",
                    "maxAttempts and windowDays go together");
        }
        int quiet = request.quietDaysAfterConversation() == null ? 0 : request.quietDaysAfterConversation();
        return new Rule(CUSTOM, request.maxAttempts(), request.windowDays(), quiet, now);
    }
}
