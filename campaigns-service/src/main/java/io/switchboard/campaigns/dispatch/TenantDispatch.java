package io.switchboard.campaigns.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.campaigns.campaign.Campaign;
import io.switchboard.campaigns.campaign.CampaignStatus;
import io.switchboard.campaigns.compliance.ComplianceRules;
import io.switchboard.campaigns.compliance.DbValues;
import io.switchboard.campaigns.compliance.ReplicaWatermark;
import io.switchboard.campaigns.queue.CallQueueItem;
import io.switchboard.events.Topics;

/**
 * One tenant's share of a dispatch round, in one transaction under the tenant's row-level security: claim due rows
 * ({@code FOR UPDATE SKIP LOCKED}: direct calls first, then each active campaign's fair share by priority, callbacks
 * then priority then the oldest due within a campaign), run the dial-time checks ({@link DialRules}) and the pre-dial
 * hook, and either dial (lease, slot, decision record, {@code dial.requested}) or skip (reschedule, decision record,
 * {@code queue.item_skipped}). All of it commits together or not at all.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TenantDispatch {

    private static final Logger LOG = Logger.getLogger(TenantDispatch.class);
    private static final Set<DayOfWeek> EVERY_DAY = Set.of(DayOfWeek.values());

    /** What one tenant's turn did. */
    public record Turn(int dialed, int skipped) {
        static final Turn NOTHING = new Turn(0, 0);
    }

    private final EntityManager em;
    private final DispatcherConfig config;
    private final DialerSettings settings;
    private final ComplianceRules rules;
    private final ReplicaWatermark watermark;
    private final PreDialHook hook;
    private final DispatchWriter writer;

    public TenantDispatch(EntityManager em, DispatcherConfig config, DialerSettings settings, ComplianceRules rules,
            ReplicaWatermark watermark, PreDialHook hook, DispatchWriter writer) {
        this.em = em;
        this.config = config;
        this.settings = settings;
        this.rules = rules;
        this.watermark = watermark;
        this.hook = hook;
        this.writer = writer;
    }

    public Turn dispatch(UUID tenant, Instant now, String owner) {
        int limit = settings.limit(tenant);
        Map<UUID, Integer> used = slotsUsed(tenant);
        int tenantUsed = used.values().stream().mapToInt(Integer::intValue).sum();
        int slots = Math.min(limit - tenantUsed, config.tenantQuantum());
        if (slots <= 0) {
            return Turn.NOTHING;
        }
        List<CallQueueItem> candidates = new ArrayList<>(claimDirect(tenant, now, slots));
        Map<UUID, Campaign> campaigns = dueCampaigns(tenant, now);
        int left = slots - candidates.size();
        if (left > 0 && !campaigns.isEmpty()) {
            candidates.addAll(claimCampaigns(tenant, now, left, campaigns, used));
        }
        if (candidates.isEmpty()) {
            return Turn.NOTHING;
        }
        Context context = context(tenant, now, candidates, limit, tenantUsed, used);
        DispatchWriter.Turn writes = new DispatchWriter.Turn(tenant, now, owner);
        int dialed = 0;
        int skipped = 0;
        for (CallQueueItem item : candidates) {
            Campaign campaign = item.campaignId == null ? null : campaigns.get(item.campaignId);
            if (decide(item, campaign, context, writes)) {
                dialed++;
            } else {
                skipped++;
            }
        }
        writer.write(writes);
        if (dialed + skipped > 0) {
            LOG.debugf("dispatch tenant=%s dialed=%d skipped=%d", tenant, dialed, skipped);
        }
        return new Turn(dialed, skipped);
    }

    /** Everything the checks read for this batch, loaded in a few queries for all its numbers at once. */
    private final class Context {
        final UUID tenant;
        final Instant now;
        final int tenantLimit;
        int tenantUsed;
        final Map<UUID, Integer> campaignUsed;
        final Map<String, List<Object[]>> blocks;
        final Set<String> consented;
        final Map<String, List<Instant>> dials;
        final Map<String, Instant> conversations;
        final ComplianceRules.Rule rule;
        final Long balance;
        final boolean replicasCurrent;
        final Map<String, Object> replicaPositions;

        Context(UUID tenant, Instant now, int tenantLimit, int tenantUsed, Map<UUID, Integer> campaignUsed,
                Map<String, List<Object[]>> blocks, Set<String> consented, Map<String, List<Instant>> dials,
                Map<String, Instant> conversations, ComplianceRules.Rule rule, Long balance, boolean replicasCurrent,
                Map<String, Object> replicaPositions) {
            this.tenant = tenant;
            this.now = now;
            this.tenantLimit = tenantLimit;
            this.tenantUsed = tenantUsed;
            this.campaignUsed = campaignUsed;
            this.blocks = blocks;
            this.consented = consented;
            this.dials = dials;
            this.conversations = conversations;
            this.rule = rule;
            this.balance = balance;
            this.replicasCurrent = replicasCurrent;
            this.replicaPositions = replicaPositions;
        }
    }

    /**
     * The replicas' facts for the batch's numbers, read in one round trip: a turn waits on PostgreSQL statement by
     * statement, and a row falling due waits for its tenant's next turn (docs/dispatcher.md "Benchmark"), so the six
     * reads (blocks, consents, recent dials, last conversations, the credit balance, the replica positions) are one
     * UNION ALL whose rows say which read they answer.
     */
    private Context context(UUID tenant, Instant now, List<CallQueueItem> items, int limit, int tenantUsed,
            Map<UUID, Integer> used) {
        String[] phones = items.stream().map(i -> i.phone).distinct().toArray(String[]::new);
        ComplianceRules.Rule rule = rules.get(tenant);
        // without a window no dial is counted: a cutoff no decision can be after
        Instant dialsSince = rule.windowDays() == null ? now.plus(Duration.ofDays(1))
                : now.minus(Duration.ofDays(rule.windowDays()));
        Map<String, List<Object[]>> blocks = new HashMap<>();
        Set<String> consented = new HashSet<>();
        Map<String, List<Instant>> dials = new HashMap<>();
        Map<String, Instant> conversations = new HashMap<>();
        Long balance = null;
        List<Object[]> positions = new ArrayList<>();
        for (Object[] row : rows("""
                SELECT CAST('block' AS text) AS fact, phone AS a, kind AS b, ref AS c, internal AS flag, CAST(NULL AS timestamptz) AS at,
                       CAST(NULL AS bigint) AS n
                  FROM blocked_number WHERE tenant_id = ?1 AND phone = ANY(?2)
                UNION ALL
                SELECT DISTINCT 'consent', phone, CAST(NULL AS text), CAST(NULL AS text), CAST(NULL AS boolean),
                       CAST(NULL AS timestamptz), CAST(NULL AS bigint) FROM consent_replica
                  WHERE tenant_id = ?1 AND phone = ANY(?2) AND channel = 'voice' AND revoked_at IS NULL
                    AND (expires_at IS NULL OR expires_at > ?3)
                UNION ALL
                SELECT 'dial', phone, CAST(NULL AS text), CAST(NULL AS text), CAST(NULL AS boolean), decided_at, CAST(NULL AS bigint)
                  FROM dial_decision
                  WHERE tenant_id = ?1 AND outcome = 'dialed' AND phone = ANY(?2) AND decided_at > ?4
                UNION ALL
                SELECT 'conversation', phone, CAST(NULL AS text), CAST(NULL AS text), CAST(NULL AS boolean), last_conversation_at,
                       CAST(NULL AS bigint) FROM conversation_replica
                  WHERE tenant_id = ?1 AND phone = ANY(?2)
                UNION ALL
                SELECT 'credit', CAST(NULL AS text), CAST(NULL AS text), CAST(NULL AS text), CAST(NULL AS boolean), changed_at, balance
                  FROM credit_balance WHERE tenant_id = ?1
                UNION ALL
                SELECT 'position', replica, CAST(last_event_id AS text), last_event_type, CAST(NULL AS boolean), last_event_time,
                       CAST(NULL AS bigint)
                  FROM replica_position WHERE tenant_id = ?1""", tenant, phones, now, dialsSince)) {
            String phone = (String) row[1];
            switch ((String) row[0]) {
                case "block" -> blocks.computeIfAbsent(phone, p -> new ArrayList<>()).add(row);
                case "consent" -> consented.add(phone);
                case "dial" -> dials.computeIfAbsent(phone, p -> new ArrayList<>()).add(DbValues.instant(row[5]));
                case "conversation" -> conversations.put(phone, DbValues.instant(row[5]));
                case "credit" -> balance = ((Number) row[6]).longValue();
                default -> positions.add(row);
            }
        }
        dials.values().forEach(Collections::sort); // oldest first: the window's first dial
        return new Context(tenant, now, limit, tenantUsed, new HashMap<>(used), blocks, consented, dials, conversations,
                rule, balance, watermark.current(now), replicaPositions(positions, balance));
    }

    private Map<String, Object> replicaPositions(List<Object[]> positions, Long balance) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String topic : List.of(Topics.CONTACTS, Topics.CREDITS)) {
            out.put(topic + ".caughtUpAt", watermark.caughtUpAt(topic).map(Instant::toString).orElse(null));
        }
        for (Object[] row : positions) {
            out.put(row[1] + ".lastEvent", Map.of("id", row[2].toString(), "type", row[3],
                    "time", DbValues.instant(row[5]).toString()));
        }
        out.put("credits.balance", balance);
        return out;
    }

    /** Checks one claimed row and dials or skips it. True when dialed. */
    private boolean decide(CallQueueItem item, Campaign campaign, Context c, DispatchWriter.Turn writes) {
        Map<String, Object> detail = new LinkedHashMap<>();
        DialWindow window = window(campaign);
        List<ZoneId> zones = zones(item, campaign);
        detail.put("zonePolicy", campaign == null ? "recipient" : campaign.timeZonePolicy);
        detail.put("zones", zones.stream().map(ZoneId::getId).toList());
        detail.put("localTimes", zones.stream().collect(Collectors.toMap(ZoneId::getId,
                z -> c.now.atZone(z).toLocalDateTime().toString(), (a, b) -> a, LinkedHashMap::new)));
        detail.put("window", Map.of("start", window.start().toString(), "end", window.end().toString(),
                "weekdays", window.days().stream().map(DayOfWeek::getValue).sorted().toList()));
        detail.put("replicas", c.replicaPositions);
        int campaignUsed = item.campaignId == null ? 0 : c.campaignUsed.getOrDefault(item.campaignId, 0);
        Map<String, Object> concurrency = new LinkedHashMap<>();
        concurrency.put("tenantLimit", c.tenantLimit);
        concurrency.put("tenantActive", c.tenantUsed);
        concurrency.put("campaignCap", campaign == null ? null : campaign.maxConcurrentCalls);
        concurrency.put("campaignActive", item.campaignId == null ? null : campaignUsed);
        detail.put("concurrency", concurrency);

        DialRules.Blocks blocks = blocks(item.phone, campaign, c);
        boolean consent = c.consented.contains(item.phone);
        List<Instant> dials = c.dials.getOrDefault(item.phone, List.of());
        DialRules.Caps caps = new DialRules.Caps(c.rule.maxAttempts(), c.rule.windowDays(), dials.size(),
                dials.isEmpty() ? null : dials.get(0), c.rule.quietDaysAfterConversation(), c.conversations.get(item.phone));
        Map<String, Object> capsDetail = new LinkedHashMap<>();
        capsDetail.put("preset", c.rule.preset());
        capsDetail.put("maxAttempts", caps.maxAttempts());
        capsDetail.put("windowDays", caps.windowDays());
        capsDetail.put("dialsInWindow", caps.dialsInWindow());
        capsDetail.put("quietDaysAfterConversation", caps.quietDaysAfterConversation());
        capsDetail.put("lastConversation", caps.lastConversation() == null ? null : caps.lastConversation().toString());
        detail.put("caps", capsDetail);
        detail.put("blocks", Map.of("internalDnc", blocks.internalDnc(), "attachedDnc", blocks.attachedDnc(),
                "voiceOptOut", blocks.voiceOptOut(), "doNotContact", blocks.doNotContact()));
        boolean consentRequired = campaign != null && campaign.requireVoiceConsent;
        detail.put("consent", Map.of("required", consentRequired, "recorded", consent));

        DialRules.Verdict verdict = DialRules.evaluate(new DialRules.Facts(c.now, campaignFacts(campaign), zones, window,
                c.replicasCurrent, blocks, consentRequired, consent, caps, c.balance, config.recheckAfter(),
                config.blockedRecheckAfter(), config.dispatchDeadline()));
        if (verdict instanceof DialRules.Dial dial && campaign != null && campaign.preDialHookUrl != null) {
            verdict = askHook(item, campaign, c.now, dial, detail);
        }
        if (verdict instanceof DialRules.Skip skip) {
            writer.skip(writes, item, skip, detail);
            return false;
        }
        DialRules.Dial dial = (DialRules.Dial) verdict;
        detail.put("windowClosesAt", dial.windowClosesAt().toString());
        writer.dial(writes, item, dial.notAfter(), detail);
        // later rows of this batch see this dial: the same number twice in one round counts twice
        c.dials.computeIfAbsent(item.phone, p -> new ArrayList<>()).add(c.now);
        c.tenantUsed++;
        if (item.campaignId != null) {
            c.campaignUsed.merge(item.campaignId, 1, Integer::sum);
        }
        return true;
    }

    private DialRules.Verdict askHook(CallQueueItem item, Campaign campaign, Instant now, DialRules.Dial dial,
            Map<String, Object> detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dialRequestId", item.id + ":" + (item.attempts + 1));
        body.put("queueItemId", item.id.toString());
        body.put("campaignId", campaign.id.toString());
        body.put("contactId", item.contactId == null ? null : item.contactId.toString());
        body.put("agentId", item.agentId.toString());
        body.put("toNumber", item.phone);
        body.put("attempt", item.attempts + 1);
        body.put("variables", item.variables);
        body.put("requestedAt", now.toString());
        PreDialHook.Answer answer = hook.ask(campaign.preDialHookUrl, campaign.preDialHookSecret,
                Duration.ofMillis(campaign.preDialHookTimeoutMs), body, now);
        Map<String, Object> hookDetail = answer.describe();
        hookDetail.put("failOpen", campaign.preDialHookFailOpen);
        detail.put("hook", hookDetail);
        Instant recheck = now.plus(config.recheckAfter());
        return switch (answer.answer()) {
            case PreDialHook.Answer.YES -> dial;
            case PreDialHook.Answer.NO -> new DialRules.Skip(DialRules.HOOK_DECLINED, recheck);
            default -> campaign.preDialHookFailOpen ? dial : new DialRules.Skip(DialRules.HOOK_UNAVAILABLE, recheck);
        };
    }

    /** {@code c.blocks} holds context()'s block rows as read: fact, phone, kind, ref, internal. */
    private DialRules.Blocks blocks(String phone, Campaign campaign, Context c) {
        boolean internal = false;
        boolean attached = false;
        boolean optOut = false;
        boolean doNotContact = false;
        Set<String> lists = campaign == null ? Set.of()
                : campaign.dncListIds.stream().map(UUID::toString).collect(Collectors.toSet());
        for (Object[] row : c.blocks.getOrDefault(phone, List.of())) {
            switch ((String) row[2]) {
                case "dnc" -> {
                    if (Boolean.TRUE.equals(row[4])) {
                        internal = true;
                    } else if (lists.contains((String) row[3])) {
                        attached = true;
                    }
                }
                case "optout" -> optOut = true;
                default -> doNotContact = true;
            }
        }
        return new DialRules.Blocks(internal, attached, optOut, doNotContact);
    }

    DialWindow window(Campaign campaign) {
        if (campaign == null || campaign.callingWindowStart == null) {
            Set<DayOfWeek> days = campaign == null ? EVERY_DAY : weekdays(campaign);
            return new DialWindow(config.defaultWindowStart(), config.defaultWindowEnd(), days);
        }
        return new DialWindow(campaign.callingWindowStart, campaign.callingWindowEnd, weekdays(campaign));
    }

    private static Set<DayOfWeek> weekdays(Campaign campaign) {
        Set<DayOfWeek> days = campaign.allowedWeekdays.stream().map(DayOfWeek::of).collect(Collectors.toSet());
        return days.isEmpty() ? EVERY_DAY : days;
    }

    /** The zones the window is read in: the campaign's under policy campaign, else every candidate zone of the row. */
    static List<ZoneId> zones(CallQueueItem item, Campaign campaign) {
        List<String> ids = campaign != null && "campaign".equals(campaign.timeZonePolicy)
                ? List.of(campaign.timeZone) : item.timeZones;
        List<ZoneId> zones = new ArrayList<>();
        for (String id : ids) {
            Optional<ZoneId> zone = io.switchboard.platform.time.TimeZones.region(id);
            if (zone.isEmpty()) {
                return List.of(); // one unreadable zone: the window cannot be proven open (invalid_time_zone)
            }
            zones.add(zone.get());
        }
        return zones;
    }

    private static DialRules.CampaignFacts campaignFacts(Campaign campaign) {
        if (campaign == null) {
            return null;
        }
        ZoneId dateZone = campaign.timeZone == null ? ZoneOffset.UTC
                : io.switchboard.platform.time.TimeZones.region(campaign.timeZone).orElse(ZoneOffset.UTC);
        return new DialRules.CampaignFacts(campaign.status == CampaignStatus.ACTIVE, campaign.startDate,
                campaign.endDate, dateZone);
    }

    // ---- claiming ----

    private static final String CLAIM_ORDER = " ORDER BY (kind = 'callback') DESC, priority DESC, scheduled_for";

    private List<CallQueueItem> claimDirect(UUID tenant, Instant now, int max) {
        return claim("""
                SELECT * FROM call_queue WHERE tenant_id = ?1 AND status = 'pending' AND call_type = 'direct'
                  AND scheduled_for <= ?2""" + CLAIM_ORDER + " LIMIT ?3 FOR UPDATE SKIP LOCKED", tenant, now, max, null);
    }

    private List<CallQueueItem> claimCampaigns(UUID tenant, Instant now, int slots, Map<UUID, Campaign> campaigns,
            Map<UUID, Integer> used) {
        List<CallQueueItem> claimed = new ArrayList<>();
        Map<UUID, Integer> held = new HashMap<>();
        campaigns.keySet().forEach(id -> held.put(id, used.getOrDefault(id, 0)));
        Set<UUID> exhausted = new HashSet<>();
        int left = slots;
        // a campaign with fewer due rows than its share leaves the rest to the others: share again without it
        while (left > 0) {
            List<FairShare.Claimant> claimants = campaigns.values().stream().filter(c -> !exhausted.contains(c.id))
                    .map(c -> new FairShare.Claimant(c.id, c.priority, held.get(c.id),
                            c.maxConcurrentCalls == null ? Integer.MAX_VALUE : Math.max(0, c.maxConcurrentCalls - held.get(c.id))))
                    .toList();
            int got = 0;
            for (Map.Entry<UUID, Integer> share : FairShare.allocate(left, claimants).entrySet()) {
                if (share.getValue() == 0) {
                    continue;
                }
                List<CallQueueItem> rows = claimCampaign(tenant, now, share.getKey(), share.getValue(),
                        claimed.stream().map(i -> i.id).toList());
                claimed.addAll(rows);
                held.merge(share.getKey(), rows.size(), Integer::sum);
                got += rows.size();
                if (rows.size() < share.getValue()) {
                    exhausted.add(share.getKey());
                }
            }
            left -= got;
            if (got == 0) {
                break;
            }
        }
        return claimed;
    }

    private List<CallQueueItem> claimCampaign(UUID tenant, Instant now, UUID campaignId, int max, List<UUID> exclude) {
        return claim("""
                SELECT * FROM call_queue WHERE tenant_id = ?1 AND status = 'pending' AND campaign_id = ?4
                  AND scheduled_for <= ?2 AND NOT (id = ANY(?5))""" + CLAIM_ORDER + " LIMIT ?3 FOR UPDATE SKIP LOCKED",
                tenant, now, max, new Object[] { campaignId, exclude.toArray(UUID[]::new) });
    }

    @SuppressWarnings("unchecked")
    private List<CallQueueItem> claim(String sql, UUID tenant, Instant now, int max, Object[] extra) {
        var query = em.createNativeQuery(sql, CallQueueItem.class).setParameter(1, tenant)
                .setParameter(2, DbValues.utc(now)).setParameter(3, max);
        if (extra != null) {
            query.setParameter(4, extra[0]).setParameter(5, extra[1]);
        }
        List<CallQueueItem> rows = query.getResultList();
        // the turn writes every claimed row in one statement (DispatchWriter.write): no per-row flush of the entity
        rows.forEach(em::detach);
        return rows;
    }

    /** Active campaigns of the tenant with at least one due pending row. */
    private Map<UUID, Campaign> dueCampaigns(UUID tenant, Instant now) {
        @SuppressWarnings("unchecked")
        List<Campaign> list = em.createNativeQuery("""
                SELECT c.* FROM campaign c WHERE c.tenant_id = ?1 AND c.status = 'active'
                  AND EXISTS (SELECT 1 FROM call_queue q WHERE q.campaign_id = c.id AND q.status = 'pending'
                              AND q.scheduled_for <= ?2)""", Campaign.class)
                .setParameter(1, tenant).setParameter(2, DbValues.utc(now)).getResultList();
        Map<UUID, Campaign> out = new LinkedHashMap<>();
        list.forEach(c -> out.put(c.id, c));
        return out;
    }

    /** Slots held now, per campaign (the null key: direct calls). */
    private Map<UUID, Integer> slotsUsed(UUID tenant) {
        Map<UUID, Integer> used = new HashMap<>();
        rows("SELECT campaign_id, count(*) FROM active_call WHERE tenant_id = ?1 GROUP BY campaign_id", tenant)
                .forEach(r -> used.put((UUID) r[0], DbValues.count(r[1])));
        return used;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            query.setParameter(i + 1, p instanceof Instant at ? DbValues.utc(at) : p);
        }
        return query.getResultList();
    }
}
