package io.switchboard.calls.number;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.calls.agent.Agent;
import io.switchboard.calls.connection.ProviderConnectionRepository;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.number.PhoneNumberCreatedV1;
import io.switchboard.events.number.PhoneNumberDeletedV1;
import io.switchboard.events.number.PhoneNumberUpdatedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.persistence.UniqueConstraints;
import io.switchboard.platform.phone.PhoneNumbers;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.RequestBodies;
import io.switchboard.platform.time.TimeZones;

/** The tenant's phone numbers: where inbound calls arrive, which agent takes them, in which zone their schedule runs. */
@ApplicationScoped
@Transactional
public class PhoneNumberService {

    private static final Logger LOG = Logger.getLogger(PhoneNumberService.class);
    static final String UNIQUE = "phone_number_tenant_e164_unique";

    private final PhoneNumberRepository numbers;
    private final ProviderConnectionRepository connections;
    private final EntityManager em;
    private final Outbox outbox;
    private final RequestBodies bodies;

    public PhoneNumberService(PhoneNumberRepository numbers, ProviderConnectionRepository connections, EntityManager em,
            Outbox outbox, RequestBodies bodies) {
        this.numbers = numbers;
        this.connections = connections;
        this.em = em;
        this.outbox = outbox;
        this.bodies = bodies;
    }

    public PhoneNumberView create(UUID tenantId, PhoneNumberRequest request) {
        PhoneNumber n = new PhoneNumber();
        n.id = UUID.randomUUID();
        n.tenantId = tenantId;
        apply(n, request);
        n.createdAt = now();
        n.updatedAt = n.createdAt;
        UniqueConstraints.insertOrConflict(() -> {
            numbers.persist(n);
            numbers.flush();
        }, UNIQUE, "the number " + n.e164 + " is already registered");
        outbox.publish(EventCatalog.PHONE_NUMBER_CREATED, tenantId, new PhoneNumberCreatedV1(n.id.toString(), n.e164,
                n.friendlyName, n.country, List.copyOf(n.capabilities), str(n.connectionId), n.providerSid, str(n.agentId),
                n.active, n.timeZone, n.createdAt.toInstant()));
        LOG.infof("phone number created tenant=%s number=%s agent=%s", tenantId, n.id, n.agentId);
        return PhoneNumberView.of(n);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PhoneNumberView get(UUID tenantId, UUID id) {
        return PhoneNumberView.of(find(tenantId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PhoneNumberView> list(UUID tenantId, PageRequest page) {
        return Page.of(numbers.listForTenant(tenantId, page), page, row -> Cursor.of(row.createdAt, row.id), PhoneNumberView::of);
    }

    /** PUT: the number as the body describes it; the body is validated only after the id is found (404 first). */
    public PhoneNumberView replace(UUID tenantId, UUID id, PhoneNumberRequest request) {
        PhoneNumber n = find(tenantId, id);
        apply(n, bodies.validate(request));
        n.updatedAt = now();
        UniqueConstraints.insertOrConflict(numbers::flush, UNIQUE, "the number " + n.e164 + " is already registered");
        outbox.publish(EventCatalog.PHONE_NUMBER_UPDATED, tenantId, new PhoneNumberUpdatedV1(n.id.toString(), n.e164,
                n.friendlyName, n.country, List.copyOf(n.capabilities), str(n.connectionId), n.providerSid, str(n.agentId),
                n.active, n.timeZone, n.updatedAt.toInstant()));
        LOG.infof("phone number updated tenant=%s number=%s agent=%s active=%s", tenantId, n.id, n.agentId, n.active);
        return PhoneNumberView.of(n);
    }

    /** Its routing schedule goes with it; its calls keep their history (phone_number_id set to null). */
    public void delete(UUID tenantId, UUID id) {
        PhoneNumber n = find(tenantId, id);
        numbers.delete(n);
        OffsetDateTime at = now();
        outbox.publish(EventCatalog.PHONE_NUMBER_DELETED, tenantId, new PhoneNumberDeletedV1(n.id.toString(), n.e164, at.toInstant()));
        LOG.infof("phone number deleted tenant=%s number=%s", tenantId, id);
    }

    /** The number, or 404 alike for an unknown id and another tenant's. */
    public PhoneNumber find(UUID tenantId, UUID id) {
        return numbers.findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("phone number", id));
    }

    /** The tenant's agent with this id (read straight from the agent table: no dependency on the agents API). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Agent> agent(UUID tenantId, UUID agentId) {
        return agentId == null ? Optional.empty()
                : em.createQuery("from Agent where tenantId = ?1 and id = ?2", Agent.class).setParameter(1, tenantId)
                        .setParameter(2, agentId).getResultStream().findFirst();
    }

    private void apply(PhoneNumber n, PhoneNumberRequest request) {
        String e164 = PhoneNumbers.e164(request.phoneNumber())
                .orElseThrow(() -> ProblemException.badField("phoneNumber", "must be a valid international number like +14155550123"));
        Optional<PhoneNumber> holder = numbers.findByE164(n.tenantId, e164);
        if (holder.isPresent() && !holder.get().id.equals(n.id)) {
            throw ProblemException.conflict("the number " + e164 + " is already registered");
        }
        if (request.connectionId() != null && connections.findForTenant(n.tenantId, request.connectionId()).isEmpty()) {
            throw ProblemException.badField("connectionId", "no provider connection with this id");
        }
        if (request.agentId() != null && agent(n.tenantId, request.agentId()).isEmpty()) {
            throw ProblemException.badField("agentId", "no agent with this id");
        }
        n.e164 = e164;
        n.friendlyName = blank(request.friendlyName()) ? null : request.friendlyName().trim();
        n.country = request.country() != null ? request.country() : PhoneNumbers.region(e164).orElse(null);
        n.capabilities = request.capabilities() == null ? new ArrayList<>(List.of("voice"))
                : new ArrayList<>(new LinkedHashSet<>(request.capabilities()));
        n.connectionId = request.connectionId();
        n.providerSid = blank(request.providerSid()) ? null : request.providerSid().trim();
        n.agentId = request.agentId();
        n.active = request.active() == null || request.active();
        n.timeZone = timeZone(e164, request.timeZone());
    }

    /** The zone given, else the number's own when libphonenumber knows exactly one (a US toll-free number has several). */
    static String timeZone(String e164, String given) {
        if (given != null) {
            if (!TimeZones.isRegionId(given)) {
                throw ProblemException.badField("timeZone", TimeZones.MESSAGE);
            }
            return given;
        }
        List<String> zones = PhoneNumbers.timeZones(e164);
        if (zones.size() != 1 || !TimeZones.isRegionId(zones.get(0))) {
            throw ProblemException.badField("timeZone", "is required: the number's time zone cannot be derived ("
                    + (zones.isEmpty() ? "unknown" : "it spans " + String.join(", ", zones)) + ")");
        }
        return zones.get(0);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
