package io.switchboard.contacts.consent;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

/** The body is validated after the contact is found (RequestBodies): an unknown or foreign contact is 404 whatever it says. */
@Path("/api/v1/contacts/{contactId}/consents")
@Tag(name = "Consent")
public class ConsentResource {

    @Inject
    ConsentService service;

    @Inject
    TenantContext tenant;

    @GET
    @Operation(summary = "List a contact's consent records, newest first (cursor paging)")
    public Page<ConsentView> list(@PathParam("contactId") UUID contactId, @Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), contactId, page);
    }

    @POST
    @Operation(summary = "Record consent for a channel; publishes consent.granted")
    @APIResponse(responseCode = "201", description = "the consent record")
    public Response grant(@PathParam("contactId") UUID contactId, GrantConsentRequest request) {
        ConsentView consent = service.grant(tenant.require(), contactId, request);
        return Response.created(URI.create("/api/v1/contacts/" + contactId + "/consents/" + consent.id())).entity(consent).build();
    }

    @POST
    @Path("/{consentId}/revoke")
    @Operation(summary = "Revoke a consent (idempotent); publishes consent.revoked the first time")
    public ConsentView revoke(@PathParam("contactId") UUID contactId, @PathParam("consentId") UUID consentId) {
        return service.revoke(tenant.require(), contactId, consentId);
    }
}
