package io.switchboard.contacts.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the customer endpoints return; entities never leave the service. */
public final class CustomerViews {

    private CustomerViews() {
    }

    @Schema(name = "Customer", example = """
            {"id":"3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a","contactId":"0b6e2a4c-1d3f-4a5b-8c7d-9e0f1a2b3c4d",
             "customerReference":"CUS-000042","company":"Analytical Engines Ltd","industry":"Manufacturing",
             "dealValue":12500.00,"dealCurrency":"GBP","dealClosedDate":"2026-11-21","contractStartDate":"2026-12-01",
             "contractEndDate":"2027-11-30","paymentTerms":"net 30","accountManager":"Charles Babbage",
             "notes":"Annual licence, invoiced quarterly","createdAt":"2026-11-21T16:00:00Z","updatedAt":"2026-11-21T16:00:00Z"}""")
    public record CustomerView(
            UUID id,
            UUID contactId,
            String customerReference,
            String company,
            String industry,
            BigDecimal dealValue,
            String dealCurrency,
            LocalDate dealClosedDate,
            LocalDate contractStartDate,
            LocalDate contractEndDate,
            String paymentTerms,
            String accountManager,
            String notes,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static CustomerView of(Customer c) {
            return new CustomerView(c.id, c.contactId, c.customerReference, c.company, c.industry, c.dealValue, c.dealCurrency,
                    c.dealClosedDate, c.contractStartDate, c.contractEndDate, c.paymentTerms, c.accountManager, c.notes,
                    c.createdAt, c.updatedAt);
        }
    }

    @Schema(name = "CustomerProfileView", example = """
            {"customerId":"3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a","riskLevel":"high","riskScore":80,"doNotContact":true,
             "doNotContactReason":"disputed invoice, legal hold","updatedAt":"2026-11-22T08:31:00Z"}""")
    public record ProfileView(
            UUID customerId,
            @Schema(enumeration = { "low", "medium", "high", "critical" }) String riskLevel,
            int riskScore,
            boolean doNotContact,
            String doNotContactReason,
            OffsetDateTime updatedAt) {

        static ProfileView of(Customer c) {
            return new ProfileView(c.id, c.riskLevel, c.riskScore, c.doNotContact, c.doNotContactReason, c.profileUpdatedAt);
        }
    }
}
