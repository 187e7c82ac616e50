package io.switchboard.campaigns.audience;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.campaigns.campaign.Campaign;
import io.switchboard.campaigns.campaign.CampaignService;
import io.switchboard.campaigns.queue.CallQueueItem;
import io.switchboard.campaigns.queue.QueueWriter;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.time.DatabaseTime;

/**
 * Adds recipients to a campaign. A CSV is streamed (commons-csv) and written in chunks, each chunk in its own
 * transaction with the upload's counts, so a large file never holds one long transaction; if the file breaks off
 * (bad quoting), the rows before stay queued and the upload is {@code failed} with the line.
 */
@ApplicationScoped
public class AudienceService {

    private static final Logger LOG = Logger.getLogger(AudienceService.class);
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    @Inject
    CampaignService campaigns;

    @Inject
    QueueWriter writer;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "switchboard.campaigns.audience.chunk-size", defaultValue = "1000")
    int chunkSize;

    /** The campaign, if it may still get recipients: 404 unknown, 409 ended or without an agent. */
    public Campaign openCampaign(UUID tenantId, UUID campaignId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Campaign campaign = campaigns.find(tenantId, campaignId);
            if (campaign.status.ended()) {
                throw ProblemException.conflict("a " + campaign.status.wire() + " campaign takes no more recipients");
            }
            if (campaign.agentId == null) {
                throw ProblemException.conflict("agentId: set the campaign's agent before adding recipients");
            }
            return campaign;
        });
    }

    public AudienceUploadView uploadCsv(UUID tenantId, Campaign campaign, InputStream body) {
        CSVParser parser;
        AudienceRows rows;
        Iterator<CSVRecord> records;
        try {
            parser = CSVParser.builder().setReader(new InputStreamReader(body, StandardCharsets.UTF_8)).setFormat(FORMAT).get();
            records = parser.iterator();
            if (!records.hasNext()) {
                throw ProblemException.badField("file", "is empty (a header row with a phone column is required)");
            }
            rows = AudienceRows.forHeader(records.next().toList(), campaign.defaultRegion)
                    .orElseThrow(() -> ProblemException.badField("file", "the header has no phone column (phone, phone_number or number)"));
        } catch (IOException | UncheckedIOException e) {
            throw ProblemException.badField("file", "is not readable CSV: " + e.getMessage());
        }
        AudienceUpload upload = start(tenantId, campaign.id, "csv");
        Map<String, Long> seen = new HashMap<>();
        List<Pending> chunk = new ArrayList<>();
        String error = null;
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = record.getRecordNumber(); // the header is record 1, as it is line 1 of a one-line-per-row file
                chunk.add(new Pending(line, rows.map(record.toList())));
                if (chunk.size() >= chunkSize) {
                    write(upload, campaign, chunk, seen);
                    chunk.clear();
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            error = "after line " + parser.getCurrentLineNumber() + ": " + e.getMessage();
        }
        write(upload, campaign, chunk, seen);
        AudienceUploadView view = finish(upload, error);
        LOG.infof("audience upload tenant=%s campaign=%s upload=%s status=%s queued=%d duplicate=%d invalid=%d", tenantId,
                campaign.id, upload.id, view.status(), view.rowsQueued(), view.rowsDuplicate(), view.rowsInvalid());
        return view;
    }

    /** Adds already-resolved recipients (the tag audience) as one upload. */
    public AudienceUploadView addResolved(UUID tenantId, Campaign campaign, String source, List<AudienceRows.Mapped> recipients) {
        AudienceUpload upload = start(tenantId, campaign.id, source);
        Map<String, Long> seen = new HashMap<>();
        List<Pending> chunk = new ArrayList<>();
        long index = 0;
        for (AudienceRows.Mapped recipient : recipients) {
            chunk.add(new Pending(++index, recipient));
            if (chunk.size() >= chunkSize) {
                write(upload, campaign, chunk, seen);
                chunk.clear();
            }
        }
        write(upload, campaign, chunk, seen);
        AudienceUploadView view = finish(upload, null);
        LOG.infof("audience added tenant=%s campaign=%s upload=%s source=%s queued=%d duplicate=%d", tenantId, campaign.id,
                upload.id, source, view.rowsQueued(), view.rowsDuplicate());
        return view;
    }

    public AudienceUploadView get(UUID tenantId, UUID campaignId, UUID uploadId) {
        return AudienceUploadView.of(find(tenantId, campaignId, uploadId));
    }

    public Page<AudienceUploadView> list(UUID tenantId, UUID campaignId, PageRequest page) {
        campaigns.find(tenantId, campaignId);
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        jakarta.persistence.TypedQuery<AudienceUpload> query = em.createQuery("from AudienceUpload where tenantId = :tenantId"
                + " and campaignId = :campaignId" + keyset.and() + keyset.orderBy(), AudienceUpload.class)
                .setMaxResults(page.fetchSize());
        keyset.params(Map.of("tenantId", tenantId, "campaignId", campaignId)).forEach(query::setParameter);
        List<AudienceUpload> rows = query.getResultList();
        return Page.of(rows, page, row -> Cursor.of(row.createdAt, row.id), AudienceUploadView::of);
    }

    /** The upload's row problems in file order, paged by line. */
    @SuppressWarnings("unchecked")
    public List<AudienceUploadView.RowError> errors(UUID tenantId, UUID campaignId, UUID uploadId, int afterLine, int limit) {
        find(tenantId, campaignId, uploadId);
        List<Object[]> rows = em.createNativeQuery("""
                SELECT line, field, reason FROM audience_upload_error
                WHERE tenant_id = ?1 AND upload_id = ?2 AND line > ?3 ORDER BY line, id LIMIT ?4""")
                .setParameter(1, tenantId).setParameter(2, uploadId).setParameter(3, afterLine).setParameter(4, limit)
                .getResultList();
        return rows.stream().map(r -> new AudienceUploadView.RowError(((Number) r[0]).intValue(), (String) r[1], (String) r[2]))
                .toList();
    }

    private AudienceUpload find(UUID tenantId, UUID campaignId, UUID uploadId) {
        campaigns.find(tenantId, campaignId);
        return em.createQuery("from AudienceUpload where tenantId = ?1 and campaignId = ?2 and id = ?3", AudienceUpload.class)
                .setParameter(1, tenantId).setParameter(2, campaignId).setParameter(3, uploadId)
                .getResultStream().findFirst().orElseThrow(() -> ProblemException.notFound("audience upload", uploadId));
    }

    private record Pending(long line, AudienceRows.Mapped row) {
    }

    private AudienceUpload start(UUID tenantId, UUID campaignId, String source) {
        AudienceUpload upload = new AudienceUpload();
        upload.id = UUID.randomUUID();
        upload.tenantId = tenantId;
        upload.campaignId = campaignId;
        upload.source = source;
        upload.status = "running";
        upload.createdAt = DatabaseTime.now();
        QuarkusTransaction.requiringNew().run(() -> em.persist(upload));
        return upload;
    }

    /** One chunk in one transaction: its rows, its errors and the upload's counts. */
    private void write(AudienceUpload upload, Campaign campaign, List<Pending> chunk, Map<String, Long> seen) {
        if (chunk.isEmpty()) {
            return;
        }
        List<QueueWriter.NewRow> rows = new ArrayList<>();
        List<Long> rowLines = new ArrayList<>();
        List<Object[]> errors = new ArrayList<>();
        int invalid = 0;
        int duplicates = 0;
        for (Pending pending : chunk) {
            AudienceRows.Mapped row = pending.row();
            if (!row.valid()) {
                invalid++;
                errors.add(new Object[] { pending.line(), row.field(), row.reason() });
                continue;
            }
            Long first = seen.putIfAbsent(row.phone(), pending.line());
            if (first != null) {
                duplicates++;
                errors.add(new Object[] { pending.line(), "phone", "duplicate of line " + first });
                continue;
            }
            rows.add(new QueueWriter.NewRow(UUID.randomUUID(), upload.tenantId, campaign.id, CallQueueItem.CAMPAIGN,
                    CallQueueItem.FRESH, row.contactId(), campaign.agentId, row.phone(),
                    QueueWriter.zonesFor(row.zones(), row.phone(), campaign.timeZone), row.variables(),
                    CallQueueItem.PRIORITY_FRESH, campaign.maxRetries, upload.id));
            rowLines.add(pending.line());
        }
        int total = chunk.size();
        int invalidRows = invalid;
        int duplicateRows = duplicates;
        QuarkusTransaction.requiringNew().run(() -> {
            boolean[] added = writer.insert(rows);
            int queued = 0;
            List<Object[]> all = new ArrayList<>(errors);
            for (int i = 0; i < added.length; i++) {
                if (added[i]) {
                    queued++;
                } else {
                    all.add(new Object[] { rowLines.get(i), "phone", "already queued in this campaign" });
                }
            }
            for (Object[] e : all) {
                em.createNativeQuery("INSERT INTO audience_upload_error (tenant_id, upload_id, line, field, reason) VALUES (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, upload.tenantId).setParameter(2, upload.id).setParameter(3, ((Number) e[0]).intValue())
                        .setParameter(4, e[1]).setParameter(5, e[2]).executeUpdate();
            }
            em.createNativeQuery("""
                    UPDATE audience_upload SET rows_total = rows_total + ?1, rows_queued = rows_queued + ?2,
                           rows_duplicate = rows_duplicate + ?3, rows_invalid = rows_invalid + ?4 WHERE id = ?5""")
                    .setParameter(1, total).setParameter(2, queued).setParameter(3, duplicateRows + (added.length - queued))
                    .setParameter(4, invalidRows).setParameter(5, upload.id).executeUpdate();
        });
    }

    private AudienceUploadView finish(AudienceUpload upload, String error) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AudienceUpload row = em.find(AudienceUpload.class, upload.id);
            row.status = error == null ? "completed" : "failed";
            row.error = error;
            row.completedAt = DatabaseTime.now();
            return AudienceUploadView.of(row);
        });
    }
}
