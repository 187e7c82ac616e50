package io.switchboard.campaigns.audience;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One addition to a campaign's audience: a CSV upload or a tag selection, with its counts (V4). */
@Entity
@Table(name = "audience_upload")
public class AudienceUpload {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "campaign_id", nullable = false, updatable = false)
    public UUID campaignId;

    /** {@code csv} or {@code tags}. */
    @Column(nullable = false, updatable = false)
    public String source;

    /** {@code running}, {@code completed} or {@code failed} (the file broke off; rows before stay queued). */
    @Column(nullable = false)
    public String status;

    @Column(name = "rows_total", nullable = false)
    public int rowsTotal;

    @Column(name = "rows_queued", nullable = false)
    public int rowsQueued;

    @Column(name = "rows_duplicate", nullable = false)
    public int rowsDuplicate;

    @Column(name = "rows_invalid", nullable = false)
    public int rowsInvalid;

    @Column
    public String error;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
}
