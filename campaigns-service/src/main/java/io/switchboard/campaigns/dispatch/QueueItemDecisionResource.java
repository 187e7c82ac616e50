package io.switchboard.campaigns.dispatch;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.campaigns.compliance.DbValues;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.tenant.TenantContext;

/** Why a queue item was dialed or skipped: its decision records (a sub-resource of the queue's items). */
@Path("/api/v1/call-queue/{id}/decisions")
@Tag(name = "Dialer")
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QueueItemDecisionResource {

    private final DialDecisionRepository decisions;
    private final EntityManager em;
    private final TenantContext tenant;

    public QueueItemDecisionResource(DialDecisionRepository decisions, EntityManager em, TenantContext tenant) {
        this.decisions = decisions;
        this.em = em;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "Why a queue item was dialed or skipped", description = "Its decision records, newest first: "
            + "zones and local times, the window, the replica positions checked, caps and counts, concurrency, the "
            + "pre-dial hook's answer. 404 for an unknown or another tenant's item.")
    @APIResponse(responseCode = "200", description = "A page of decision records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "decisions", value = DecisionResource.EXAMPLE)))
    public Page<DecisionView> forQueueItem(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        UUID t = tenant.require();
        long found = DbValues.count(em.createNativeQuery("SELECT count(*) FROM call_queue WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, t).setParameter(2, id).getSingleResult());
        if (found == 0) {
            throw ProblemException.notFound("queue item", id);
        }
        return Page.of(decisions.forQueueItem(t, id, page), page, d -> Cursor.of(d.decidedAt, d.id), DecisionView::of);
    }

}
