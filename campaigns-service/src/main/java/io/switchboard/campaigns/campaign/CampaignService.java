package io.switchboard.campaigns.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.campaigns.queue.CallQueueRepository;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.campaign.CampaignCompletedV1;
import io.switchboard.events.campaign.CampaignCreatedV1;
import io.switchboard.events.campaign.CampaignStatusChangedV1;
import io.switchboard.platform.json.JsonMergePatch;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.persistence.UniqueConstraints;
import io.switchboard.platform.problem.Problem.FieldError;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.RequestBodies;
import io.switchboard.platform.time.DatabaseTime;

/**
 * Campaign settings and lifecycle. Every state lives in the database (status, dates, timestamps): a restart never
 * changes a campaign's state, and the scheduler only acts on what the rows say.
 */
@ApplicationScoped
@Transactional
public class CampaignService {

    private static final Logger LOG = Logger.getLogger(CampaignService.class);

    /** The unique (tenant_id, name) constraint in V1__campaigns.sql. */
    static final String NAME_UNIQUE = "campaign_tenant_name_unique";

    /** What may change while a campaign is active or paused: windows, caps, retries and priority. */
    static final Set<String> LIVE_EDITABLE = Set.of("callingWindowStart", "callingWindowEnd", "allowedWeekdays",
            "maxConcurrentCalls", "maxRetries", "retryMinutes", "priority");

    /** The settings a PATCH may name (maxAttempts too, so it is answered with its replacement). */
    static final Set<String> PATCHABLE = java.util.Arrays.stream(CreateCampaignRequest.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final CampaignRepository campaigns;
    private final CallQueueRepository queue;
    private final Outbox outbox;
    private final RequestBodies bodies;
    private final ObjectMapper json;
    private final CampaignCounters counters;

    @Inject
    public CampaignService(CampaignRepository campaigns, CallQueueRepository queue, Outbox outbox, RequestBodies bodies,
            ObjectMapper json, CampaignCounters counters) {
        this.counters = counters;
        this.campaigns = campaigns;
        this.queue = queue;
        this.outbox = outbox;
        this.bodies = bodies;
        this.json = json;
    }

    public CampaignView create(UUID tenantId, CreateCampaignRequest request) {
        String name = request.name().trim();
        rejectTakenName(tenantId, name, null);
        OffsetDateTime now = DatabaseTime.now();
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.tenantId = tenantId;
        campaign.status = CampaignStatus.DRAFT;
        request.applyTo(campaign);
        campaign.createdAt = now;
        campaign.updatedAt = now;
        // flush now so a concurrent insert of the same key surfaces here as a 409, not at commit as a 500
        UniqueConstraints.insertOrConflict(() -> {
            campaigns.persist(campaign);
            campaigns.flush();
        }, NAME_UNIQUE, "another campaign already has this name");

        outbox.publish(EventCatalog.CAMPAIGN_CREATED, tenantId, new CampaignCreatedV1(campaign.id.toString(),
                campaign.name, campaign.status.wire(), campaign.agentId == null ? null : campaign.agentId.toString(),
                now.toInstant()));
        LOG.infof("campaign created tenant=%s campaign=%s agent=%s", tenantId, campaign.id, campaign.agentId);
        return CampaignView.of(campaign);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CampaignView get(UUID tenantId, UUID id) {
        return CampaignView.of(find(tenantId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CampaignView> list(UUID tenantId, PageRequest page) {
        return Page.of(campaigns.listForTenant(tenantId, page), page, row -> Cursor.of(row.createdAt, row.id), CampaignView::of);
    }

    /** The campaign or 404; for other features (audiences, progress) that act on one campaign. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Campaign find(UUID tenantId, UUID id) {
        return campaigns.findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    /**
     * JSON merge patch (RFC 7386) of the settings; the result obeys the create rules. A draft or scheduled campaign
     * changes freely; an active or paused one only its windows, caps, retries and priority; an ended one not at all.
     */
    public CampaignView update(UUID tenantId, UUID id, JsonNode patch) throws JsonProcessingException {
        Campaign campaign = lock(tenantId, id);
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badField("body", "must be a JSON object of the fields to change");
        }
        List<FieldError> unknown = new ArrayList<>();
        patch.fieldNames().forEachRemaining(name -> {
            if (!PATCHABLE.contains(name)) {
                unknown.add(new FieldError(name, "cannot be changed (unknown or read-only field)"));
            }
        });
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
        CreateCampaignRequest before = CreateCampaignRequest.of(campaign);
        JsonNode merged = JsonMergePatch.apply(json.valueToTree(before), patch);
        CreateCampaignRequest after = bodies.validate(json.treeToValue(merged, CreateCampaignRequest.class));
        List<String> changed = changedFields(json.valueToTree(before), json.valueToTree(after));
        if (changed.isEmpty()) {
            return CampaignView.of(campaign);
        }
        if (campaign.status.ended()) {
            throw ProblemException.conflict("a " + campaign.status.wire() + " campaign cannot be changed");
        }
        if (campaign.status == CampaignStatus.ACTIVE || campaign.status == CampaignStatus.PAUSED) {
            List<FieldError> frozen = changed.stream().filter(f -> !LIVE_EDITABLE.contains(f))
                    .map(f -> new FieldError(f, "cannot change while the campaign is " + campaign.status.wire())).toList();
            if (!frozen.isEmpty()) {
                throw new ProblemException(409, "conflict", "Conflict", "only windows, caps, retries and priority change while"
                        + " the campaign is " + campaign.status.wire() + ": " + String.join(", ", frozen.stream()
                                .map(FieldError::field).toList()), frozen);
            }
        }
        if (changed.contains("name")) {
            rejectTakenName(tenantId, after.name().trim(), campaign.id);
        }
        after.applyTo(campaign);
        OffsetDateTime now = DatabaseTime.now();
        campaign.updatedAt = now;
        UniqueConstraints.insertOrConflict(campaigns::flush, NAME_UNIQUE, "another campaign already has this name");
        if (changed.contains("agentId") || changed.contains("maxRetries")) {
            queue.updateWaiting(tenantId, campaign.id, campaign.agentId, campaign.maxRetries, now);
        }
        LOG.infof("campaign updated tenant=%s campaign=%s fields=%s", tenantId, campaign.id, changed);
        return CampaignView.of(campaign);
    }

    /** draft → active, or → scheduled when its start date is still ahead (the scheduler activates it then). */
    public CampaignView launch(UUID tenantId, UUID id) {
        Campaign campaign = lock(tenantId, id);
        LocalDate today = today(campaign);
        CampaignStatus target = campaign.startDate != null && campaign.startDate.isAfter(today)
                ? CampaignStatus.SCHEDULED : CampaignStatus.ACTIVE;
        if (campaign.status != CampaignStatus.DRAFT) {
            throw transitionConflict("launch", campaign.status, target);
        }
        if (campaign.agentId == null) {
            throw new ProblemException(409, "conflict", "Conflict", "agentId: a campaign needs an agent to launch",
                    List.of(new FieldError("agentId", "is required to launch")));
        }
        if (campaign.endDate != null && campaign.endDate.isBefore(today)) {
            throw new ProblemException(409, "conflict", "Conflict", "endDate: the campaign's end date has passed",
                    List.of(new FieldError("endDate", "has passed")));
        }
        move(campaign, target, "launch");
        return CampaignView.of(campaign);
    }

    public CampaignView pause(UUID tenantId, UUID id) {
        return act(tenantId, id, "pause", CampaignStatus.ACTIVE, CampaignStatus.PAUSED);
    }

    public CampaignView resume(UUID tenantId, UUID id) {
        return act(tenantId, id, "resume", CampaignStatus.PAUSED, CampaignStatus.ACTIVE);
    }

    /** Any campaign not yet ended: its pending rows are cancelled; calls already placed finish. */
    public CampaignView cancel(UUID tenantId, UUID id) {
        Campaign campaign = lock(tenantId, id);
        if (!campaign.status.canMoveTo(CampaignStatus.CANCELLED)) {
            throw transitionConflict("cancel", campaign.status, CampaignStatus.CANCELLED);
        }
        move(campaign, CampaignStatus.CANCELLED, "cancel");
        int cancelled = queue.cancelPending(tenantId, campaign.id, "campaign_cancelled", campaign.updatedAt);
        LOG.infof("campaign queue cancelled tenant=%s campaign=%s rows=%d", tenantId, campaign.id, cancelled);
        return CampaignView.of(campaign);
    }

    /**
     * What time alone decides, as the rows say it: a scheduled campaign whose start date came is activated; an active
     * or paused one past its end date completes (its pending rows cancelled); an active one with rows and none left
     * it may dial (processing, or pending and not blocked: CallQueueRepository.hasLive) completes, its blocked rows
     * cancelled. Called by the scheduler and after each final outcome; a no-op otherwise.
     */
    public void advance(UUID tenantId, UUID id) {
        Campaign campaign = campaigns.findForTenant(tenantId, id).orElse(null);
        if (campaign == null) {
            return;
        }
        campaigns.getEntityManager().lock(campaign, LockModeType.PESSIMISTIC_WRITE);
        campaigns.getEntityManager().refresh(campaign);
        LocalDate today = today(campaign);
        if (campaign.status == CampaignStatus.SCHEDULED && (campaign.startDate == null || !campaign.startDate.isAfter(today))) {
            move(campaign, CampaignStatus.ACTIVE, "start_date");
        } else if ((campaign.status == CampaignStatus.ACTIVE || campaign.status == CampaignStatus.PAUSED)
                && campaign.endDate != null && campaign.endDate.isBefore(today)) {
            move(campaign, CampaignStatus.COMPLETED, "end_date");
            queue.cancelPending(tenantId, campaign.id, "campaign_ended", campaign.updatedAt);
        } else if (campaign.status == CampaignStatus.ACTIVE && queue.hasAny(tenantId, campaign.id)
                && !queue.hasLive(tenantId, campaign.id)) {
            move(campaign, CampaignStatus.COMPLETED, "exhausted");
            int blocked = queue.cancelBlocked(tenantId, campaign.id, campaign.updatedAt);
            if (blocked > 0) {
                LOG.infof("campaign blocked rows cancelled tenant=%s campaign=%s rows=%d", tenantId, campaign.id, blocked);
            }
        }
    }

    private CampaignView act(UUID tenantId, UUID id, String action, CampaignStatus from, CampaignStatus to) {
        Campaign campaign = lock(tenantId, id);
        if (campaign.status != from) {
            throw transitionConflict(action, campaign.status, to);
        }
        move(campaign, to, action);
        return CampaignView.of(campaign);
    }

    private void move(Campaign campaign, CampaignStatus to, String reason) {
        CampaignStatus from = campaign.status;
        OffsetDateTime now = DatabaseTime.now();
        campaign.status = to;
        campaign.updatedAt = now;
        if (to == CampaignStatus.ACTIVE && campaign.startedAt == null) {
            campaign.startedAt = now;
        }
        if (to.ended()) {
            campaign.completedAt = now;
        }
        outbox.publish(EventCatalog.CAMPAIGN_STATUS_CHANGED, campaign.tenantId, new CampaignStatusChangedV1(
                campaign.id.toString(), from.wire(), to.wire(), reason, now.toInstant()));
        if (to == CampaignStatus.COMPLETED) {
            counters.writePending(); // this transaction's own increments (the last outcome's) count too
            campaigns.flush();
            campaigns.getEntityManager().refresh(campaign); // the counters, incremented in SQL
            outbox.publish(EventCatalog.CAMPAIGN_COMPLETED, campaign.tenantId, new CampaignCompletedV1(campaign.id.toString(),
                    reason, campaign.startedAt == null ? null : campaign.startedAt.toInstant(), now.toInstant(),
                    campaign.dialedCount, campaign.completedCount, campaign.busyCount, campaign.noAnswerCount,
                    campaign.voicemailCount, campaign.failedCount, campaign.dncCount));
        }
        LOG.infof("campaign status tenant=%s campaign=%s %s -> %s reason=%s", campaign.tenantId, campaign.id, from.wire(),
                to.wire(), reason);
    }

    private static ProblemException transitionConflict(String action, CampaignStatus from, CampaignStatus to) {
        return new ProblemException(409, "invalid-transition", "Invalid status transition", "cannot " + action + " a "
                + from.wire() + " campaign: " + from.wire() + " → " + to.wire() + " is not allowed", List.of());
    }

    /** Today in the campaign's zone (UTC when it has none): the day its start and end dates are compared with. */
    static LocalDate today(Campaign campaign) {
        ZoneId zone = campaign.timeZone == null ? ZoneOffset.UTC : ZoneId.of(campaign.timeZone);
        return LocalDate.now(zone);
    }

    private Campaign lock(UUID tenantId, UUID id) {
        return campaigns.find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    private void rejectTakenName(UUID tenantId, String name, UUID self) {
        campaigns.findByName(tenantId, name).filter(existing -> !existing.id.equals(self)).ifPresent(existing -> {
            throw ProblemException.conflict("campaign " + existing.id + " already has this name");
        });
    }

    private static List<String> changedFields(JsonNode before, JsonNode after) {
        List<String> changed = new ArrayList<>();
        for (Iterator<String> names = after.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!Objects.equals(before.get(name), after.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }
}
