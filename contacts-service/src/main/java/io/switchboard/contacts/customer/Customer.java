package io.switchboard.contacts.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contact converted into a customer, with its risk profile (V7__customers.sql). */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "contact_id", nullable = false)
    public UUID contactId;

    @Column(name = "customer_reference", nullable = false, updatable = false)
    public String customerReference;

    public String company;

    public String industry;

    @Column(name = "deal_value")
    public BigDecimal dealValue;

    @Column(name = "deal_currency")
    public String dealCurrency;

    @Column(name = "deal_closed_date")
    public LocalDate dealClosedDate;

    @Column(name = "contract_start_date")
    public LocalDate contractStartDate;

    @Column(name = "contract_end_date")
    public LocalDate contractEndDate;

    @Column(name = "payment_terms")
    public String paymentTerms;

    @Column(name = "account_manager")
    public String accountManager;

    public String notes;

    /** {@code low|medium|high|critical}. */
    @Column(name = "risk_level", nullable = false)
    public String riskLevel = "low";

    /** 0..100. */
    @Column(name = "risk_score", nullable = false)
    public int riskScore;

    /** Blocks dialing the contact's phone on every channel (published like an opt-out). */
    @Column(name = "do_not_contact", nullable = false)
    public boolean doNotContact;

    @Column(name = "do_not_contact_reason")
    public String doNotContactReason;

    @Column(name = "profile_updated_at", nullable = false)
    public OffsetDateTime profileUpdatedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
