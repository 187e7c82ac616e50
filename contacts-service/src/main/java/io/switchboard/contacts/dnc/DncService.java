package io.switchboard.contacts.dnc;

import java.io.IOException;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.logging.Logger;

import io.switchboard.contacts.dnc.DncNumberRepository.Entry;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.dnc.DncNumberAddedV1;
import io.switchboard.events.dnc.DncNumberRemovedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.persistence.UniqueConstraints;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.text.ControlCharacters;
import io.switchboard.platform.time.DatabaseTime;

/**
 * DNC lists and their numbers. Every number that goes on or comes off a list, one by one, from a file, by a
 * call's {@code dnc} disposition or with its deleted list, publishes exactly one event in the same transaction,
 * so the dialer's replica stays exact.
 */
@ApplicationScoped
@Transactional
public class DncService {

    private static final Logger LOG = Logger.getLogger(DncService.class);

    /** The alias of the tenant's internal list wherever a list id is expected. */
    public static final String INTERNAL = "internal";
    static final String NAME_UNIQUE = "dnc_list_tenant_name_unique";
    static final int BATCH = 500;
    static final int MAX_REASON = 500;

    /** The answer to an add: the listed number, and whether this call listed it (201) or it already was (200). */
    public record Added(DncNumberView number, boolean created) {
    }

    private final DncListRepository lists;
    private final DncNumberRepository numbers;
    private final DncPhones phones;
    private final Outbox outbox;
    private final DncConfig config;
    private final Validator validator;

    @Inject
    public DncService(DncListRepository lists, DncNumberRepository numbers, DncPhones phones, Outbox outbox, DncConfig config,
            Validator validator) {
        this.lists = lists;
        this.numbers = numbers;
        this.phones = phones;
        this.outbox = outbox;
        this.config = config;
        this.validator = validator;
    }

    // ---- lists -------------------------------------------------------------------------------------------------

    /** The tenant's internal list, created on first use: it exists for every tenant and cannot be deleted. */
    public DncList internalList(UUID tenantId) {
        return lists.findInternal(tenantId).orElseGet(() -> {
            lists.insertInternalIfAbsent(tenantId, DatabaseTime.now());
            return lists.findInternal(tenantId).orElseThrow();
        });
    }

    /** {@code internal} or a list id of this tenant; 400 naming {@code listId} for anything else that is not an id, else 404. */
    public DncList resolve(UUID tenantId, String listRef) {
        if (INTERNAL.equals(listRef)) {
            return internalList(tenantId);
        }
        UUID id = listId(listRef, "listId");
        return lists.findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("DNC list", id));
    }

    public DncListView createList(UUID tenantId, DncListRequest request) {
        String name = OptOutService.blankToNull(request.name());
        if (name == null) {
            throw ProblemException.badField("name", "must not be blank");
        }
        internalList(tenantId); // first, so the internal list's name is taken by it
        OffsetDateTime now = DatabaseTime.now();
        DncList list = new DncList();
        list.id = UUID.randomUUID();
        list.tenantId = tenantId;
        list.name = name;
        list.description = OptOutService.blankToNull(request.description());
        list.createdAt = now;
        list.updatedAt = now;
        UniqueConstraints.insertOrConflict(() -> {
            lists.persist(list);
            lists.flush();
        }, NAME_UNIQUE, "another DNC list already has this name");
        LOG.infof("dnc list created tenant=%s list=%s", tenantId, list.id);
        return DncListView.of(list);
    }

    public DncListView getList(UUID tenantId, String listRef) {
        return DncListView.of(resolve(tenantId, listRef));
    }

    /** Newest first; the internal list is always there (the oldest). */
    public Page<DncListView> listLists(UUID tenantId, PageRequest page) {
        internalList(tenantId);
        return Page.of(lists.list(tenantId, page), page, row -> Cursor.of(row.createdAt, row.id), DncListView::of);
    }

    public DncListView updateList(UUID tenantId, String listRef, DncListRequest request) {
        DncList list = resolve(tenantId, listRef);
        DncListRequest change = validated(request == null ? new DncListRequest(null, null) : request);
        if (change.name() != null) {
            String name = OptOutService.blankToNull(change.name());
            if (name == null) {
                throw ProblemException.badField("name", "must not be blank");
            }
            if (list.internal && !name.equals(list.name)) {
                throw ProblemException.conflict("the internal DNC list cannot be renamed");
            }
            list.name = name;
        }
        if (change.description() != null) {
            list.description = OptOutService.blankToNull(change.description());
        }
        list.updatedAt = DatabaseTime.now();
        UniqueConstraints.insertOrConflict(lists::flush, NAME_UNIQUE, "another DNC list already has this name");
        LOG.infof("dnc list updated tenant=%s list=%s", tenantId, list.id);
        return DncListView.of(list);
    }

    /** Deletes a named list with its numbers, publishing each number's removal; the internal list stays (409). */
    public void deleteList(UUID tenantId, String listRef) {
        DncList list = resolve(tenantId, listRef);
        if (list.internal) {
            throw ProblemException.conflict("the internal DNC list cannot be deleted");
        }
        OffsetDateTime now = DatabaseTime.now();
        long removed = 0;
        String after = null;
        for (List<DncNumberRepository.Listed> batch; !(batch = numbers.batchAfter(tenantId, list.id, after, BATCH)).isEmpty();) {
            for (DncNumberRepository.Listed number : batch) {
                publishRemoved(tenantId, list, number.phone(), DncVocabulary.SOURCE_API, now);
            }
            removed += batch.size();
            after = batch.get(batch.size() - 1).phone();
        }
        lists.delete(list);
        LOG.infof("dnc list deleted tenant=%s list=%s numbers=%d", tenantId, list.id, removed);
    }

    // ---- numbers -----------------------------------------------------------------------------------------------

    public Added addNumber(UUID tenantId, String listRef, AddDncNumberRequest request) {
        DncList list = resolve(tenantId, listRef);
        AddDncNumberRequest number = validated(request);
        String phone = phones.require(tenantId, number.phone(), "phone");
        String source = Objects.requireNonNullElse(number.source(), DncVocabulary.SOURCE_API);
        boolean created = !add(tenantId, list, List.of(new Entry(phone, OptOutService.blankToNull(number.reason()))), source).isEmpty();
        DncNumber stored = numbers.findOnList(tenantId, list.id, phone).orElseThrow();
        return new Added(DncNumberView.of(stored), created);
    }

    public void removeNumber(UUID tenantId, String listRef, String rawPhone) {
        DncList list = resolve(tenantId, listRef);
        String phone = phones.require(tenantId, rawPhone, "phone");
        if (remove(tenantId, list, List.of(phone), DncVocabulary.SOURCE_API).isEmpty()) {
            throw new ProblemException(404, "not-found", "Not Found", "this number is not on DNC list " + list.id, List.of());
        }
    }

    public Page<DncNumberView> listNumbers(UUID tenantId, String listRef, PageRequest page) {
        DncList list = resolve(tenantId, listRef);
        return Page.of(numbers.list(tenantId, list.id, page), page, row -> Cursor.of(row.createdAt, row.id), DncNumberView::of);
    }

    /** A call ended with the {@code dnc} disposition: its number goes on the internal list (once, however often the event comes). */
    public boolean addFromDisposition(UUID tenantId, String e164, String callId) {
        return !add(tenantId, internalList(tenantId),
                List.of(new Entry(e164, "call " + callId + " ended with disposition dnc")), DncVocabulary.SOURCE_DISPOSITION).isEmpty();
    }

    /** Lists the entries not yet on the list and publishes one event for each; returns those. */
    List<Entry> add(UUID tenantId, DncList list, List<Entry> entries, String source) {
        OffsetDateTime now = DatabaseTime.now();
        List<Entry> inserted = numbers.insertMissing(tenantId, list.id, entries, source, now);
        for (Entry entry : inserted) {
            outbox.publish(EventCatalog.DNC_NUMBER_ADDED, tenantId,
                    new DncNumberAddedV1(list.id.toString(), list.internal, entry.phone(), entry.reason(), source, now.toInstant()));
        }
        if (!inserted.isEmpty()) {
            LOG.infof("dnc numbers added tenant=%s list=%s internal=%s count=%d source=%s", tenantId, list.id, list.internal,
                    inserted.size(), source);
        }
        return inserted;
    }

    /** Takes the numbers off the list and publishes one event for each that was on it; returns those. */
    List<String> remove(UUID tenantId, DncList list, List<String> e164s, String source) {
        OffsetDateTime now = DatabaseTime.now();
        List<String> deleted = numbers.deletePresent(tenantId, list.id, e164s);
        for (String phone : deleted) {
            publishRemoved(tenantId, list, phone, source, now);
        }
        if (!deleted.isEmpty()) {
            LOG.infof("dnc numbers removed tenant=%s list=%s internal=%s count=%d source=%s", tenantId, list.id, list.internal,
                    deleted.size(), source);
        }
        return deleted;
    }

    private void publishRemoved(UUID tenantId, DncList list, String phone, String source, OffsetDateTime at) {
        outbox.publish(EventCatalog.DNC_NUMBER_REMOVED, tenantId,
                new DncNumberRemovedV1(list.id.toString(), list.internal, phone, source, at.toInstant()));
    }

    /** Writes the list as CSV (phone, reason, source, added_at), in phone order, batch by batch. */
    public void writeCsv(UUID tenantId, UUID listId, OutputStream output) throws IOException {
        CSVPrinter csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8)),
                CSVFormat.DEFAULT.builder().setHeader("phone", "reason", "source", "added_at").get());
        String after = null;
        for (List<DncNumberRepository.Listed> batch; !(batch = numbers.batchAfter(tenantId, listId, after, BATCH)).isEmpty();) {
            for (DncNumberRepository.Listed number : batch) {
                csv.printRecord(number.phone(), number.reason(), number.source(), number.createdAt());
            }
            csv.flush();
            after = batch.get(batch.size() - 1).phone();
        }
        csv.flush();
    }

    // ---- files -------------------------------------------------------------------------------------------------

    /**
     * Adds or removes every number of an uploaded file, streamed in batches, in one transaction: a file that is
     * too large (413) or unreadable (400 naming {@code file}) changes nothing; bad rows are reported and skipped.
     */
    public BulkResult bulk(UUID tenantId, String listRef, String action, String contentType, Long contentLength, InputStream body) {
        DncList list = resolve(tenantId, listRef);
        boolean add = bulkAction(action);
        requireText(contentType);
        long limit = config.maxUploadBytes();
        if (contentLength != null && contentLength > limit) {
            throw UploadLimit.tooLarge(limit);
        }
        Function<String, Optional<String>> normalize = phones.normalizer(tenantId);
        Bulk run = new Bulk(add);
        try (DncFileReader file = DncFileReader.open(new UploadLimit(body, limit))) {
            for (Optional<DncFileReader.Row> next; (next = file.next()).isPresent();) {
                DncFileReader.Row row = next.get();
                run.rows++;
                String problem = rowProblem(row);
                Optional<String> phone = problem == null ? normalize.apply(row.phone()) : Optional.empty();
                if (problem != null || phone.isEmpty()) {
                    run.fail(row, problem != null ? problem : DncPhones.MESSAGE);
                } else if (run.batch.putIfAbsent(phone.get(), OptOutService.blankToNull(row.reason())) != null) {
                    run.unchanged++; // the same number again in this batch
                }
                if (run.batch.size() >= BATCH) {
                    run.flush(tenantId, list);
                }
            }
        } catch (DncFileReader.BadFile e) {
            throw ProblemException.badField("file", e.getMessage());
        } catch (IOException e) {
            throw ProblemException.badField("file", "could not be read to the end");
        }
        if (run.rows == 0) {
            throw ProblemException.badField("file", "has no numbers (it is empty or only a header)");
        }
        run.flush(tenantId, list);
        LOG.infof("dnc bulk %s tenant=%s list=%s rows=%d changed=%d unchanged=%d failed=%d", add ? "add" : "remove", tenantId,
                list.id, run.rows, run.changed, run.unchanged, run.failed);
        return new BulkResult(add ? "add" : "remove", run.rows, run.changed, run.unchanged, run.failed, run.errors,
                run.failed > run.errors.size());
    }

    /** The running totals of one file and the batch not yet written. */
    private final class Bulk {
        final boolean add;
        final Map<String, String> batch = new LinkedHashMap<>();
        final List<BulkResult.RowError> errors = new ArrayList<>();
        long rows;
        long changed;
        long unchanged;
        long failed;

        Bulk(boolean add) {
            this.add = add;
        }

        void fail(DncFileReader.Row row, String reason) {
            failed++;
            if (errors.size() < config.maxReportedErrors()) {
                String value = row.phone() == null ? null : abbreviate(row.phone());
                errors.add(new BulkResult.RowError(row.row(), value, reason));
            }
        }

        void flush(UUID tenantId, DncList list) {
            if (batch.isEmpty()) {
                return;
            }
            int done = add
                    ? add(tenantId, list, batch.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList(),
                            DncVocabulary.SOURCE_IMPORT).size()
                    : remove(tenantId, list, List.copyOf(batch.keySet()), DncVocabulary.SOURCE_IMPORT).size();
            changed += done;
            unchanged += batch.size() - done;
            batch.clear();
        }
    }

    private static String rowProblem(DncFileReader.Row row) {
        if (row.phone() == null) {
            return "no phone number";
        }
        if (row.phone().length() > 32) {
            return "longer than 32 characters";
        }
        if (row.reason() != null && row.reason().length() > MAX_REASON) {
            return "reason: longer than " + MAX_REASON + " characters";
        }
        if (ControlCharacters.containsForbidden(row.phone()) || (row.reason() != null && ControlCharacters.containsForbidden(row.reason()))) {
            return ControlCharacters.MESSAGE;
        }
        return null;
    }

    private static String abbreviate(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return ControlCharacters.containsForbidden(shown) ? shown.codePoints()
                .mapToObj(c -> c < 0x20 || c == 0x7f ? "?" : Character.toString(c)).reduce("", String::concat) : shown;
    }

    private static boolean bulkAction(String action) {
        if (action == null || action.isBlank() || "add".equals(action)) {
            return true;
        }
        if ("remove".equals(action)) {
            return false;
        }
        throw ProblemException.badField("action", "must be add or remove");
    }

    /** Text (text/csv, text/plain) or an opaque file; checked after the list, so a foreign list id is 404 whatever the body. */
    private static void requireText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        if (!type.startsWith("text/") && !type.equals("application/octet-stream")) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "send the file as text/csv, text/plain or application/octet-stream, not " + type, List.of());
        }
    }

    static UUID listId(String raw, String field) {
        try {
            UUID id = UUID.fromString(raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // fall through to the problem
        }
        throw ProblemException.badField(field, "must be a DNC list id (UUID) or internal");
    }

    private <T> T validated(T body) {
        if (body == null) {
            throw ProblemException.badField("body", "a JSON object is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
