package io.switchboard.calls.sms;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.tenant.TenantContext;

/** The post-call SMS log, read-only. */
@Path("/api/v1/sms-messages")
@Tag(name = "SMS")
public class SmsMessageResource {

    static final String EXAMPLE = """
            {"id":"6e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b","callId":"7c9e6679-7425-40de-944b-e07fc1f90ae7",
             "agentId":"0b8f5a7e-2c1d-4e3f-9a8b-7c6d5e4f3a21","templateId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
             "toNumber":"+14155550123","fromNumber":"+14155550100","body":"Hi Ada, thanks for calling! - Ava","status":"delivered",
             "skipReason":null,"providerSid":"SM0123456789abcdef0123456789abcdef","errorCode":null,"errorMessage":null,
             "createdAt":"2026-11-21T15:05:41Z","updatedAt":"2026-11-21T15:05:49Z"}""";

    private final EntityManager em;
    private final TenantContext tenant;

    public SmsMessageResource(EntityManager em, TenantContext tenant) {
        this.em = em;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "List post-call SMS messages", description = "Newest first, cursor paged; callId filters to one call.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE + "],\"nextCursor\":null}")))
    public Page<SmsMessageView> list(@Valid @BeanParam PageRequest page, @QueryParam("callId") UUID callId) {
        UUID tenantId = tenant.require();
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        String byCall = callId == null ? "" : " and callId = :callId";
        var query = em.createQuery("from SmsMessage where tenantId = :tenantId" + byCall + keyset.and() + keyset.orderBy(),
                SmsMessage.class);
        keyset.params(callId == null ? Map.of("tenantId", tenantId) : Map.of("tenantId", tenantId, "callId", callId))
                .forEach(query::setParameter);
        List<SmsMessage> rows = query.setMaxResults(page.fetchSize()).getResultList();
        return Page.of(rows, page, row -> Cursor.of(row.createdAt, row.id), SmsMessageView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a post-call SMS message")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "message", value = EXAMPLE)))
    public SmsMessageView get(@PathParam("id") UUID id) {
        return em.createQuery("from SmsMessage where tenantId = ?1 and id = ?2", SmsMessage.class)
                .setParameter(1, tenant.require()).setParameter(2, id).getResultStream().findFirst().map(SmsMessageView::of)
                .orElseThrow(() -> ProblemException.notFound("sms message", id));
    }
}
