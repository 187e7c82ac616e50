package io.switchboard.campaigns.dispatch;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

/**
 * "Every dial can be explained later": the tenant's decision records, or one call's. A queue item's are
 * {@link QueueItemDecisionResource}'s (its own class: JAX-RS picks the resource class with the longest literal path,
 * so a {@code /call-queue/{id}/decisions} method on a class at {@code /api/v1} would lose to the queue's resource).
 */
@Path("/api/v1/dial-decisions")
@Tag(name = "Dialer")
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DecisionResource {

    static final String EXAMPLE = """
            {"items":[{"id":"1d6f0a4e-6c55-4c0e-9a61-2b3f4c5d6e7f","queueItemId":"6f1c2a9e-3b7d-4c1e-9a55-2d8f0b7e4c11",
             "campaignId":"0b5e9d3c-8a41-4f6e-b2d7-91c3e5a7f802","attempt":1,"outcome":"dialed","skipReason":null,
             "dialRequestId":"6f1c2a9e-3b7d-4c1e-9a55-2d8f0b7e4c11:1","callId":"a3c5e7f9-1b2d-4f6a-8c0e-2d4f6a8c0e1b",
             "notAfter":"2026-11-23T15:00:30Z","nextAttemptAt":null,"leaseOwner":"dispatcher-4f2a9c1e",
             "detail":{"zonePolicy":"recipient","zones":["America/New_York"],
               "localTimes":{"America/New_York":"2026-11-23T10:00"},
               "window":{"start":"09:00","end":"18:00","weekdays":[1,2,3,4,5]},
               "replicas":{"switchboard.contacts.caughtUpAt":"2026-11-23T14:59:58Z","credits.balance":1200},
               "concurrency":{"tenantLimit":10,"tenantActive":3,"campaignCap":5,"campaignActive":2},
               "caps":{"preset":"us_reg_f","maxAttempts":7,"windowDays":7,"dialsInWindow":2},
               "blocks":{"internalDnc":false,"attachedDnc":false,"voiceOptOut":false,"doNotContact":false},
               "consent":{"required":false,"recorded":false},"windowClosesAt":"2026-11-23T23:00:00Z"},
             "decidedAt":"2026-11-23T15:00:00Z"}],"nextCursor":null}""";

    private final DialDecisionRepository decisions;
    private final TenantContext tenant;

    public DecisionResource(DialDecisionRepository decisions, TenantContext tenant) {
        this.decisions = decisions;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "Decision records of the tenant, or of one call", description = "callId: the records of the dial "
            + "request that became this call (calls-service's id); without it every record, newest first.")
    @APIResponse(responseCode = "200", description = "A page of decision records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "decisions", value = EXAMPLE)))
    public Page<DecisionView> list(@QueryParam("callId") UUID callId, @Valid @BeanParam PageRequest page) {
        return Page.of(decisions.forTenant(tenant.require(), callId, page), page, d -> Cursor.of(d.decidedAt, d.id),
                DecisionView::of);
    }
}
