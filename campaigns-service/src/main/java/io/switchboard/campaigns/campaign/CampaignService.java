package io.switchboard.campaigns.campaign;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.campaign.CampaignCreatedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.persistence.UniqueConstraints;
import io.switchboard.platform.problem.ProblemException;

@ApplicationScoped
@Transactional
public class CampaignService {

    private static final Logger LOG = Logger.getLogger(CampaignService.class);

    /** The unique (tenant_id, name) constraint in V1__campaigns.sql. */
    static final String NAME_UNIQUE = "campaign_tenant_name_unique";
    static final int DEFAULT_MAX_ATTEMPTS = 3;

    @Inject
    CampaignRepository campaigns;

    @Inject
    Outbox outbox;

    public CampaignView create(UUID tenantId, CreateCampaignRequest request) {
        String name = request.name().trim();
        campaigns.findByName(tenantId, name).ifPresent(existing -> {
            throw ProblemException.conflict("campaign " + existing.id + " already has this name");
        });

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.tenantId = tenantId;
        campaign.name = name;
        campaign.status = CampaignStatus.DRAFT;
        campaign.agentId = request.agentId();
        campaign.callingWindowStart = CreateCampaignRequest.time(request.callingWindowStart());
        campaign.callingWindowEnd = CreateCampaignRequest.time(request.callingWindowEnd());
        campaign.maxConcurrentCalls = request.maxConcurrentCalls();
        campaign.maxAttempts = request.maxAttempts() == null ? DEFAULT_MAX_ATTEMPTS : request.maxAttempts();
        campaign.maxRetries = Math.min(Math.max(campaign.maxAttempts - 1, 0), 5);
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
        return campaigns.findForTenant(tenantId, id).map(CampaignView::of)
                .orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CampaignView> list(UUID tenantId, PageRequest page) {
        return Page.of(campaigns.listForTenant(tenantId, page), page, row -> Cursor.of(row.createdAt, row.id), CampaignView::of);
    }
}
