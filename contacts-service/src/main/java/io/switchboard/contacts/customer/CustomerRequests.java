package io.switchboard.contacts.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.switchboard.platform.time.StorableTime;

/** Request bodies of the customer endpoints. */
public final class CustomerRequests {

    private CustomerRequests() {
    }

    /** The customer record's fields; on PATCH an absent (or null) field stays as it is. */
    @Schema(name = "CustomerFields", example = """
            {"company":"Analytical Engines Ltd","industry":"Manufacturing","dealValue":12500.00,"dealCurrency":"GBP",
             "dealClosedDate":"2026-11-21","contractStartDate":"2026-12-01","contractEndDate":"2027-11-30",
             "paymentTerms":"net 30","accountManager":"Charles Babbage","notes":"Annual licence, invoiced quarterly"}""")
    public record CustomerFields(
            @Size(max = 255) String company,
            @Size(max = 100) String industry,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) @Schema(description = "0 .. 999999999999.99") BigDecimal dealValue,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like USD") String dealCurrency,
            @StorableTime LocalDate dealClosedDate,
            @StorableTime LocalDate contractStartDate,
            @StorableTime LocalDate contractEndDate,
            @Size(max = 100) String paymentTerms,
            @Size(max = 255) String accountManager,
            @Size(max = 10000) String notes) {
    }

    /** The whole risk profile (PUT replaces it). Setting or clearing doNotContact publishes customer.do_not_contact_changed. */
    @Schema(name = "CustomerProfile", example = """
            {"riskLevel":"high","riskScore":80,"doNotContact":true,"doNotContactReason":"disputed invoice, legal hold"}""")
    public record Profile(
            @NotNull @Pattern(regexp = "low|medium|high|critical", message = "must be one of low, medium, high, critical")
            @Schema(enumeration = { "low", "medium", "high", "critical" }) String riskLevel,
            @NotNull @Min(0) @Max(100) Integer riskScore,
            @NotNull Boolean doNotContact,
            @Size(max = 500) String doNotContactReason) {
    }
}
