package io.switchboard.campaigns.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dial-time checks as one pure function: given what is known about a queue item at a moment, may it be dialed
 * now, and if not, why and when to look again. The dispatcher gathers the facts (database, replicas, hook) and
 * applies the verdict; the rules, their order and every skip reason live here only (docs/dispatcher.md "Checks").
 */
public final class DialRules {

    // skip reasons: stored in call_queue.last_skip_reason, the decision record and queue.item_skipped
    public static final String CAMPAIGN_NOT_ACTIVE = "campaign_not_active";
    public static final String CAMPAIGN_NOT_STARTED = "campaign_not_started";
    public static final String CAMPAIGN_ENDED = "campaign_ended";
    public static final String INVALID_TIME_ZONE = "invalid_time_zone";
    public static final String OUTSIDE_WINDOW = "outside_window";
    public static final String NO_COMMON_WINDOW = "no_common_window";
    public static final String REPLICA_BEHIND = "replica_behind";
    public static final String DNC_INTERNAL = "dnc_internal";
    public static final String DNC_LIST = "dnc_list";
    public static final String VOICE_OPT_OUT = "voice_opt_out";
    public static final String DO_NOT_CONTACT = "do_not_contact";
    public static final String CONSENT_MISSING = "consent_missing";
    public static final String ATTEMPT_CAP = "attempt_cap";
    public static final String CONVERSATION_QUIET_PERIOD = "conversation_quiet_period";
    public static final String CREDITS_UNKNOWN = "credits_unknown";
    public static final String NO_CREDITS = "no_credits";
    public static final String HOOK_DECLINED = "hook_declined";
    public static final String HOOK_UNAVAILABLE = "hook_unavailable";

    /**
     * The skips that say the number may not be called at all (not "not now"): a campaign whose rows left pending all
     * carry one of them has nothing left it may dial, so it completes (CampaignService.advance).
     */
    public static final List<String> BLOCKS = List.of(DNC_INTERNAL, DNC_LIST, VOICE_OPT_OUT, DO_NOT_CONTACT);

    private DialRules() {
    }

    /** Campaign facts; null for a direct call. Dates are read in {@code dateZone}. */
    public record CampaignFacts(boolean active, LocalDate startDate, LocalDate endDate, ZoneId dateZone) {
    }

    /** What blocks the number, as the replica knows it (each flag: at least one entry of that kind applies). */
    public record Blocks(boolean internalDnc, boolean attachedDnc, boolean voiceOptOut, boolean doNotContact) {
        public static final Blocks NONE = new Blocks(false, false, false, false);
    }

    /** Attempts counted from the dial log: {@code dialsInWindow} within the last {@code windowDays}, the oldest of them. */
    public record Caps(Integer maxAttempts, Integer windowDays, int dialsInWindow, Instant oldestDialInWindow,
            int quietDaysAfterConversation, Instant lastConversation) {
        public static final Caps NONE = new Caps(null, null, 0, null, 0, null);
    }

    /**
     * Everything one verdict depends on.
     *
     * @param zones             the candidate zones to read the window in (already chosen by the zone policy); an
     *                          empty list means a zone id was invalid
     * @param replicasCurrent   the contacts replica's consumer caught up recently (else: fail closed)
     * @param creditBalance     the replica's balance; null when no balance event was ever consumed for the tenant
     */
    public record Facts(Instant now, CampaignFacts campaign, List<ZoneId> zones, DialWindow window,
            boolean replicasCurrent, Blocks blocks, boolean consentRequired, boolean consentRecorded, Caps caps,
            Long creditBalance, Duration recheckAfter, Duration blockedRecheckAfter, Duration dispatchDeadline) {
    }

    public sealed interface Verdict permits Dial, Skip {
    }

    /** Dial now; the request must be placed before {@code notAfter}, which is at or before {@code windowClosesAt}. */
    public record Dial(Instant notAfter, Instant windowClosesAt) implements Verdict {
    }

    /** Do not dial; look again at {@code nextAttempt}. */
    public record Skip(String reason, Instant nextAttempt) implements Verdict {
    }

    public static Verdict evaluate(Facts f) {
        Instant now = f.now();
        Instant recheck = now.plus(f.recheckAfter());
        CampaignFacts campaign = f.campaign();
        if (campaign != null) {
            if (!campaign.active()) {
                return new Skip(CAMPAIGN_NOT_ACTIVE, recheck);
            }
            if (campaign.endDate() != null
                    && !now.isBefore(campaign.endDate().plusDays(1).atStartOfDay(campaign.dateZone()).toInstant())) {
                return new Skip(CAMPAIGN_ENDED, recheck);
            }
            if (campaign.startDate() != null) {
                Instant starts = campaign.startDate().atStartOfDay(campaign.dateZone()).toInstant();
                if (now.isBefore(starts)) {
                    return new Skip(CAMPAIGN_NOT_STARTED, nextOpen(f, starts).orElse(starts));
                }
            }
        }
        if (f.zones().isEmpty()) {
            return new Skip(INVALID_TIME_ZONE, recheck);
        }
        if (!f.window().isOpenInAll(now, f.zones())) {
            Optional<Instant> next = nextOpen(f, now);
            return next.<Verdict>map(at -> new Skip(OUTSIDE_WINDOW, at))
                    .orElseGet(() -> new Skip(NO_COMMON_WINDOW, now.plus(Duration.ofDays(1))));
        }
        if (!f.replicasCurrent()) {
            return new Skip(REPLICA_BEHIND, recheck);
        }
        Instant blockedRecheck = now.plus(f.blockedRecheckAfter());
        Blocks blocks = f.blocks();
        if (blocks.internalDnc()) {
            return new Skip(DNC_INTERNAL, blockedRecheck);
        }
        if (blocks.attachedDnc()) {
            return new Skip(DNC_LIST, blockedRecheck);
        }
        if (blocks.voiceOptOut()) {
            return new Skip(VOICE_OPT_OUT, blockedRecheck);
        }
        if (blocks.doNotContact()) {
            return new Skip(DO_NOT_CONTACT, blockedRecheck);
        }
        if (f.consentRequired() && !f.consentRecorded()) {
            return new Skip(CONSENT_MISSING, blockedRecheck);
        }
        Caps caps = f.caps();
        if (caps.maxAttempts() != null && caps.dialsInWindow() >= caps.maxAttempts()) {
            // the oldest counted dial leaves the window then; never earlier than a recheck
            Instant frees = caps.oldestDialInWindow() == null ? recheck
                    : caps.oldestDialInWindow().plus(Duration.ofDays(caps.windowDays()));
            return new Skip(ATTEMPT_CAP, later(frees, recheck));
        }
        if (caps.quietDaysAfterConversation() > 0 && caps.lastConversation() != null) {
            Instant quietEnds = caps.lastConversation().plus(Duration.ofDays(caps.quietDaysAfterConversation()));
            if (now.isBefore(quietEnds)) {
                return new Skip(CONVERSATION_QUIET_PERIOD, quietEnds);
            }
        }
        if (f.creditBalance() == null) {
            return new Skip(CREDITS_UNKNOWN, recheck);
        }
        if (f.creditBalance() <= 0) {
            return new Skip(NO_CREDITS, recheck);
        }
        Instant closes = f.window().closesAt(now, f.zones());
        Instant deadline = now.plus(f.dispatchDeadline());
        return new Dial(deadline.isBefore(closes) ? deadline : closes, closes);
    }

    /** The next moment allowed by the window at or after {@code from}; a skip then lands where the window opens. */
    private static Optional<Instant> nextOpen(Facts f, Instant from) {
        return f.zones().isEmpty() ? Optional.empty() : f.window().nextOpen(from, f.zones());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The reasons that count as "blocked" (DNC, opt-out, do-not-contact, consent): never dialed while they hold. */
    public static final Set<String> BLOCKING = Set.of(DNC_INTERNAL, DNC_LIST, VOICE_OPT_OUT, DO_NOT_CONTACT, CONSENT_MISSING);
}
