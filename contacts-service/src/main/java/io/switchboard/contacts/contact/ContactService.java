package io.switchboard.contacts.contact;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.contacts.settings.ContactSettings;
import io.switchboard.contacts.settings.ContactSettingsRepository;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.contact.ContactCreatedV1;
import io.switchboard.events.contact.ContactDeletedV1;
import io.switchboard.events.contact.ContactMergedV1;
import io.switchboard.events.contact.ContactUpdatedV1;
import io.switchboard.platform.json.JsonMergePatch;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.paging.SortCursor;
import io.switchboard.platform.persistence.UniqueConstraints;
import io.switchboard.platform.phone.PhoneNumbers;
import io.switchboard.platform.problem.Problem.FieldError;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.ProblemMappers;

@ApplicationScoped
@Transactional
public class ContactService {

    private static final Logger LOG = Logger.getLogger(ContactService.class);

    /** The unique index on (tenant_id, phone) of the primary contacts (V13__contact_duplicates.sql; V1's constraint before). */
    static final String PHONE_UNIQUE = "contact_tenant_phone_unique";

    private static final String PHONE_MESSAGE = "must be a valid number like +14155550123 (a national number needs the tenant's defaultRegion)";
    private static final Set<String> PATCHABLE = Arrays.stream(CreateContactRequest.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).filter(name -> !name.equals("source")).collect(Collectors.toSet());

    private final ContactRepository contacts;
    private final Outbox outbox;
    private final ContactSettingsRepository settings;
    private final Validator validator;
    private final ObjectMapper json;
    private final ContactReferences references;

    private final Event<ContactDeleting> deleting;

    ContactService(ContactRepository contacts, Outbox outbox, ContactSettingsRepository settings, Validator validator,
            ObjectMapper json, ContactReferences references, Event<ContactDeleting> deleting) {
        this.deleting = deleting;
        this.contacts = contacts;
        this.outbox = outbox;
        this.settings = settings;
        this.validator = validator;
        this.json = json;
        this.references = references;
    }

    public ContactView create(UUID tenantId, CreateContactRequest request) {
        ContactSettings tenant = settings.forTenant(tenantId);
        CreateContactRequest fields = normalize(request, tenant.defaultRegion);
        rejectTakenPhone(tenantId, fields.phone(), null);
        Contact contact = newContact(tenantId);
        apply(contact, fields, tenant.defaultTimeZone);
        contact.source = fields.source() == null ? "api" : fields.source();
        insert(contact);
        return ContactView.of(contact);
    }

    /** A contact for the remote party of a call (source webhook), as the call.created handler makes it. */
    public Contact createFromCall(UUID tenantId, String e164, UUID callId) {
        Contact contact = newContact(tenantId);
        apply(contact, normalize(new CreateContactRequest(e164, null, null, null, null), null),
                settings.forTenant(tenantId).defaultTimeZone);
        contact.source = "webhook";
        contact.sourceCallId = callId;
        insert(contact);
        return contact;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactView get(UUID tenantId, UUID id) {
        return ContactView.of(find(tenantId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ContactView> list(UUID tenantId, PageRequest page) {
        return list(tenantId, ContactSearch.none(), page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ContactView> list(UUID tenantId, ContactSearch search, PageRequest page) {
        String e164 = null;
        if (search.phone != null && !search.phone.isBlank()) {
            e164 = PhoneNumbers.e164(search.phone, settings.forTenant(tenantId).defaultRegion)
                    .orElseThrow(() -> ProblemException.badField("phone", PHONE_MESSAGE));
        }
        ContactSort sort = search.sortOrder();
        return Page.of(contacts.search(tenantId, search, e164, page), page,
                row -> new SortCursor(search.cursorSort(), sort.keyOf.apply(row), row.id), ContactView::of);
    }

    /** JSON merge patch (RFC 7386): absent members are unchanged, null clears; the result obeys the create rules. */
    public ContactView update(UUID tenantId, UUID id, JsonNode patch) throws JsonProcessingException {
        Contact contact = find(tenantId, id);
        JsonMergePatch.requireOnly(patch, PATCHABLE);
        CreateContactRequest before = CreateContactRequest.of(contact);
        JsonNode merged = JsonMergePatch.apply(json.valueToTree(before), patch);
        ContactSettings tenant = settings.forTenant(tenantId);
        CreateContactRequest after = normalize(json.treeToValue(merged, CreateContactRequest.class), tenant.defaultRegion);
        List<String> changed = changedFields(before, after);
        if (changed.isEmpty()) {
            return ContactView.of(contact);
        }
        boolean phoneChanged = changed.contains("phone");
        if (phoneChanged) {
            rejectTakenPhone(tenantId, after.phone(), contact.id);
            // a primary leaving its phone hands its duplicates to an heir; a duplicate taking a free phone is its primary
            handOver(tenantId, contact.id, null);
        }
        apply(contact, after, tenant.defaultTimeZone);
        contact.updatedAt = now();
        UniqueConstraints.insertOrConflict(() -> {
            contacts.flush();
            if (phoneChanged) {
                contacts.getEntityManager().unwrap(Session.class)
                        .doWork(connection -> Duplicates.promote(connection, tenantId, contact.id));
                contacts.getEntityManager().refresh(contact);
            }
        }, PHONE_UNIQUE, "another contact already has this phone number");
        publishUpdated(contact, changed);
        LOG.infof("contact updated tenant=%s contact=%s fields=%s", tenantId, contact.id, changed);
        return ContactView.of(contact);
    }

    public void delete(UUID tenantId, UUID id) {
        Contact contact = find(tenantId, id);
        deleting.fire(new ContactDeleting(tenantId, id));
        handOver(tenantId, id, null); // its heir becomes the primary through duplicate_of's ON DELETE SET NULL
        contacts.delete(contact);
        contacts.flush();
        outbox.publish(EventCatalog.CONTACT_DELETED, tenantId,
                new ContactDeletedV1(contact.id.toString(), contact.phone, now().toInstant()));
        LOG.infof("contact deleted tenant=%s contact=%s", tenantId, id);
    }

    /**
     * Merges another contact of the tenant into this one: empty fields are filled from it, tags and custom
     * fields united (this contact's values win), counters summed, the later last contact kept; every row that
     * references it (any table, see {@link ContactReferences}) moves here; then it is deleted. All or nothing.
     */
    public ContactView merge(UUID tenantId, UUID survivorId, MergeContactsRequest request) {
        find(tenantId, survivorId); // the path's contact first: another tenant's id is 404 whatever the body
        UUID mergedId = mergedIdOf(request);
        if (mergedId.equals(survivorId)) {
            throw ProblemException.badField("mergeContactId", "must be another contact than the one it is merged into");
        }
        // both rows locked, in id order so two opposite merges cannot deadlock; loaded as they are once locked
        contacts.lockInIdOrder(tenantId, survivorId, mergedId);
        Contact survivor = find(tenantId, survivorId);
        Contact merged = contacts.findForTenant(tenantId, mergedId)
                .orElseThrow(() -> ProblemException.notFound("contact", mergedId));

        // a merged-away primary hands its duplicates to the survivor when it is one of them (else to the oldest)
        handOver(tenantId, mergedId, survivorId);
        references.move(mergedId, survivorId);

        CreateContactRequest before = CreateContactRequest.of(survivor);
        survivor.firstName = firstPresent(survivor.firstName, merged.firstName);
        survivor.lastName = firstPresent(survivor.lastName, merged.lastName);
        survivor.email = firstPresent(survivor.email, merged.email);
        // the merged contact's number is not lost: it becomes the alternate when there is none
        survivor.alternatePhone = firstPresent(survivor.alternatePhone, firstPresent(merged.alternatePhone, merged.phone));
        survivor.company = firstPresent(survivor.company, merged.company);
        survivor.address = firstPresent(survivor.address, merged.address);
        survivor.city = firstPresent(survivor.city, merged.city);
        survivor.state = firstPresent(survivor.state, merged.state);
        survivor.postalCode = firstPresent(survivor.postalCode, merged.postalCode);
        survivor.country = firstPresent(survivor.country, merged.country);
        survivor.notes = firstPresent(survivor.notes, merged.notes);
        survivor.businessContext = firstPresent(survivor.businessContext, merged.businessContext);
        survivor.timeZone = firstPresent(survivor.timeZone, merged.timeZone);
        survivor.tags = ContactRules.unionTags(survivor.tags, merged.tags);
        survivor.customFields = ContactRules.unionCustomFields(survivor.customFields, merged.customFields);
        survivor.customer = survivor.customer || merged.customer;
        survivor.notConnectedCount += merged.notConnectedCount;
        survivor.busyCount += merged.busyCount;
        survivor.noAnswerCount += merged.noAnswerCount;
        survivor.lastContactAt = later(survivor.lastContactAt, merged.lastContactAt);
        resolveZones(survivor, settings.forTenant(tenantId).defaultTimeZone);
        survivor.updatedAt = now();
        contacts.delete(merged);
        contacts.flush();
        contacts.getEntityManager().refresh(survivor); // duplicate_of: cleared by the delete when it pointed at merged

        outbox.publish(EventCatalog.CONTACT_MERGED, tenantId, new ContactMergedV1(survivorId.toString(), mergedId.toString(),
                merged.phone, survivor.updatedAt.toInstant()));
        List<String> changed = changedFields(before, CreateContactRequest.of(survivor));
        if (!changed.isEmpty()) {
            publishUpdated(survivor, changed);
        }
        LOG.infof("contacts merged tenant=%s survivor=%s merged=%s", tenantId, survivorId, mergedId);
        return ContactView.of(survivor);
    }

    private Contact find(UUID tenantId, UUID id) {
        return contacts.findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("contact", id));
    }

    private static UUID mergedIdOf(MergeContactsRequest request) {
        String raw = request == null ? null : request.mergeContactId();
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badField("mergeContactId", "is required");
        }
        try {
            UUID id = UUID.fromString(raw.strip());
            if (id.toString().equalsIgnoreCase(raw.strip())) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.badField("mergeContactId", "must be a contact id (UUID)");
    }

    /** See {@link Duplicates#handOver}: before {@code gone} stops being the primary of its phone. */
    private void handOver(UUID tenantId, UUID gone, UUID preferredHeir) {
        contacts.getEntityManager().unwrap(Session.class)
                .doWork(connection -> Duplicates.handOver(connection, tenantId, List.of(gone), preferredHeir, null));
    }

    private void rejectTakenPhone(UUID tenantId, String phone, UUID self) {
        contacts.findByPhone(tenantId, phone).filter(existing -> !existing.id.equals(self)).ifPresent(existing -> {
            throw ProblemException.conflict("contact " + existing.id + " already has this phone number");
        });
    }

    /**
     * The request's constraints plus the phone rules (which need the tenant's region), all in one 400; then
     * the normalized fields: E.164 phones, trimmed text (blank = none), normalized tags, an object of custom fields.
     */
    CreateContactRequest normalize(CreateContactRequest r, String defaultRegion) {
        List<FieldError> errors = new ArrayList<>(validator.validate(r).stream()
                .map(v -> new FieldError(ProblemMappers.field(v), v.getMessage())).toList());
        String phone = e164(r.phone(), defaultRegion, "phone", errors);
        String alternatePhone = e164(r.alternatePhone(), defaultRegion, "alternatePhone", errors);
        ContactRules.customFieldsProblem(r.customFields()).ifPresent(m -> errors.add(new FieldError("customFields", m)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new CreateContactRequest(phone, text(r.firstName()), text(r.lastName()), text(r.email()), text(r.timeZone()),
                alternatePhone, text(r.company()), text(r.address()), text(r.city()), text(r.state()), text(r.postalCode()),
                text(r.country()), text(r.notes()), ContactRules.normalizeTags(r.tags()), text(r.businessContext()),
                r.customFields() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(r.customFields()), r.source());
    }

    /** The E.164 form, or null when blank; an unparseable number adds an error (blank or overlong ones already have theirs). */
    private static String e164(String raw, String region, String field, List<FieldError> errors) {
        if (raw == null || raw.isBlank() || raw.length() > 32) {
            return null;
        }
        String e164 = PhoneNumbers.e164(raw, region).orElse(null);
        if (e164 == null) {
            errors.add(new FieldError(field, PHONE_MESSAGE));
        }
        return e164;
    }

    private static void apply(Contact c, CreateContactRequest fields, String tenantDefaultZone) {
        c.phone = fields.phone();
        c.firstName = fields.firstName();
        c.lastName = fields.lastName();
        c.email = fields.email();
        c.timeZone = fields.timeZone();
        c.alternatePhone = fields.alternatePhone();
        c.company = fields.company();
        c.address = fields.address();
        c.city = fields.city();
        c.state = fields.state();
        c.postalCode = fields.postalCode();
        c.country = fields.country();
        c.notes = fields.notes();
        c.tags = new ArrayList<>(fields.tags());
        c.businessContext = fields.businessContext();
        c.customFields = new LinkedHashMap<>(fields.customFields());
        resolveZones(c, tenantDefaultZone);
    }

    /** The dialing zones follow the phone and the stated zone: on create and on every change (PATCH, merge). */
    private static void resolveZones(Contact c, String tenantDefaultZone) {
        DialingTimeZones zones = DialingTimeZones.resolve(c.timeZone, c.phone, tenantDefaultZone);
        c.timeZones = new ArrayList<>(zones.zones());
        c.timeZoneSource = zones.source();
    }

    private Contact newContact(UUID tenantId) {
        OffsetDateTime now = now();
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.tenantId = tenantId;
        contact.createdAt = now;
        contact.updatedAt = now;
        return contact;
    }

    private void insert(Contact contact) {
        // flush now so a concurrent insert of the same key surfaces here as a 409, not at commit as a 500
        UniqueConstraints.insertOrConflict(() -> {
            contacts.persist(contact);
            contacts.flush();
        }, PHONE_UNIQUE, "another contact already has this phone number");
        outbox.publish(EventCatalog.CONTACT_CREATED, contact.tenantId, new ContactCreatedV1(contact.id.toString(), contact.phone,
                contact.firstName, contact.lastName, contact.timeZone, contact.createdAt.toInstant(),
                List.copyOf(contact.timeZones), contact.timeZoneSource, List.copyOf(contact.tags)));
        LOG.infof("contact created tenant=%s contact=%s source=%s", contact.tenantId, contact.id, contact.source);
    }

    private void publishUpdated(Contact c, List<String> changed) {
        outbox.publish(EventCatalog.CONTACT_UPDATED, c.tenantId, new ContactUpdatedV1(c.id.toString(), c.phone, c.alternatePhone,
                c.firstName, c.lastName, c.timeZone, List.copyOf(c.timeZones), c.timeZoneSource, changed, c.updatedAt.toInstant(),
                List.copyOf(c.tags)));
    }

    /** The API names of the fields whose value differs. */
    private List<String> changedFields(CreateContactRequest before, CreateContactRequest after) {
        JsonNode a = json.valueToTree(before);
        JsonNode b = json.valueToTree(after);
        List<String> changed = new ArrayList<>();
        for (Iterator<String> names = a.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (PATCHABLE.contains(name) && !Objects.equals(normalizedNull(a.get(name)), normalizedNull(b.get(name)))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private static JsonNode normalizedNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String firstPresent(String kept, String other) {
        return kept != null && !kept.isBlank() ? kept : other;
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

}
