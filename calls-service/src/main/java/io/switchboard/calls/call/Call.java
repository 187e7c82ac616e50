package io.switchboard.calls.call;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "call")
public class Call {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public CallDirection direction;

    @Column(nullable = false)
    public CallStatus status;

    @Column(name = "from_number")
    public String fromNumber;

    @Column(name = "to_number")
    public String toNumber;

    @Column(name = "agent_id")
    public UUID agentId;

    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    // --- provider call model (issue 9): folded from the call's events by CallModel, never set piecemeal

    public String provider;

    @Column(name = "provider_call_id")
    public String providerCallId;

    @Column(name = "connection_id")
    public UUID connectionId;

    @Column(name = "provider_agent_id")
    public String providerAgentId;

    public Disposition disposition;

    @Column(name = "human_answered", nullable = false)
    public boolean humanAnswered;

    @Column(name = "completed_flag", nullable = false)
    public boolean completedFlag;

    @Column(nullable = false)
    public boolean callback;

    @Column(nullable = false)
    public boolean dnc;

    @Column(nullable = false)
    public boolean voicemail;

    @Column(nullable = false)
    public boolean machine;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    public BigDecimal cost;

    @Column(name = "ended_reason")
    public String endedReason;

    public String summary;

    public String sentiment;

    @Column(name = "success_evaluation")
    public String successEvaluation;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "structured_data")
    public Map<String, Object> structuredData;

    @Column(name = "last_event_at")
    public OffsetDateTime lastEventAt;

    // --- inbound routing (issue 10): set by routing.InboundRouting, never by a provider event

    /** transferred_to_team | team_no_answer | direct_to_agent | completed; null when the call was not routed. */
    @Column(name = "routing_status")
    public String routingStatus;

    /** The tenant's number the call came in on. */
    @Column(name = "phone_number_id")
    public UUID phoneNumberId;
    /** The dial request this outbound call answers (issue 11, outbound package); null for every other call. */
    @Column(name = "dial_request_id", updatable = false)
    public String dialRequestId;

    public DispositionFlags flags() {
        return new DispositionFlags(humanAnswered, completedFlag, callback, dnc, voicemail, machine);
    }
}
