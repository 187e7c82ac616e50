package io.switchboard.campaigns.compliance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.tenant.TenantContext;

/** The caller's tenant's attempt caps; there is no way to name another tenant's. */
@Path("/api/v1/compliance-rules")
@Tag(name = "Dialer")
public class ComplianceRulesResource {

    private static final String EXAMPLE = """
            {"preset":"us_reg_f","maxAttempts":7,"windowDays":7,"quietDaysAfterConversation":7,
             "updatedAt":"2026-11-22T05:30:00Z"}""";

    private final ComplianceRules rules;
    private final TenantContext tenant;

    public ComplianceRulesResource(ComplianceRules rules, TenantContext tenant) {
        this.rules = rules;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "Read the tenant's attempt caps", description = "All null until the tenant saves a rule: no caps.")
    @APIResponse(responseCode = "200", description = "The rule in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rule", value = EXAMPLE)))
    public ComplianceRules.Rule get() {
        return rules.get(tenant.require());
    }

    @PUT
    @Operation(summary = "Replace the tenant's attempt caps", description = "Counted per number across every campaign "
            + "and direct call from the dial log. preset us_reg_f: 7 dials in 7 days and none for 7 days after a "
            + "conversation (US Regulation F); preset custom: maxAttempts in windowDays (both or neither) and "
            + "quietDaysAfterConversation (default 0).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "preset", value = "{\"preset\":\"us_reg_f\"}"),
            @ExampleObject(name = "custom", value = "{\"preset\":\"custom\",\"maxAttempts\":3,\"windowDays\":1,\"quietDaysAfterConversation\":2}")}))
    @APIResponse(responseCode = "200", description = "The saved rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rule", value = EXAMPLE)))
    public ComplianceRules.Rule put(@Valid @NotNull ComplianceRules.Request request) {
        return rules.put(tenant.require(), request);
    }
}
