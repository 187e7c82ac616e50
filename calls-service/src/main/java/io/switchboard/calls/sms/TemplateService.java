package io.switchboard.calls.sms;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.persistence.UniqueConstraints;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.RequestBodies;

/** Message templates: names unique per tenant, bodies using only the documented variables. */
@ApplicationScoped
@Transactional
public class TemplateService {

    private static final Logger LOG = Logger.getLogger(TemplateService.class);
    static final String UNIQUE = "message_template_tenant_name_unique";

    private final EntityManager em;
    private final RequestBodies bodies;

    public TemplateService(EntityManager em, RequestBodies bodies) {
        this.em = em;
        this.bodies = bodies;
    }

    public TemplateView create(UUID tenantId, TemplateRequest request) {
        bodies.validate(request);
        OffsetDateTime now = now();
        MessageTemplate t = new MessageTemplate();
        t.id = UUID.randomUUID();
        t.tenantId = tenantId;
        t.createdAt = now;
        t.updatedAt = now;
        apply(t, request);
        UniqueConstraints.insertOrConflict(() -> {
            em.persist(t);
            em.flush();
        }, UNIQUE, "a template named " + t.name + " already exists");
        LOG.infof("message template created tenant=%s template=%s", tenantId, t.id);
        return TemplateView.of(t);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateView get(UUID tenantId, UUID id) {
        return TemplateView.of(find(tenantId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TemplateView> list(UUID tenantId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        var query = em.createQuery("from MessageTemplate where tenantId = :tenantId" + keyset.and() + keyset.orderBy(),
                MessageTemplate.class);
        keyset.params(Map.of("tenantId", tenantId)).forEach(query::setParameter);
        List<MessageTemplate> rows = query.setMaxResults(page.fetchSize()).getResultList();
        return Page.of(rows, page, row -> Cursor.of(row.createdAt, row.id), TemplateView::of);
    }

    public TemplateView replace(UUID tenantId, UUID id, TemplateRequest request) {
        MessageTemplate t = find(tenantId, id);
        bodies.validate(request);
        apply(t, request);
        t.updatedAt = now();
        UniqueConstraints.insertOrConflict(em::flush, UNIQUE, "a template named " + t.name + " already exists");
        LOG.infof("message template updated tenant=%s template=%s", tenantId, t.id);
        return TemplateView.of(t);
    }

    /** Agents and settings that used it fall back (ON DELETE SET NULL); sent messages keep its id. */
    public void delete(UUID tenantId, UUID id) {
        em.remove(find(tenantId, id));
        LOG.infof("message template deleted tenant=%s template=%s", tenantId, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MessageTemplate> lookup(UUID tenantId, UUID id) {
        return em.createQuery("from MessageTemplate where tenantId = ?1 and id = ?2", MessageTemplate.class)
                .setParameter(1, tenantId).setParameter(2, id).getResultStream().findFirst();
    }

    private MessageTemplate find(UUID tenantId, UUID id) {
        return lookup(tenantId, id).orElseThrow(() -> ProblemException.notFound("message template", id));
    }

    private static void apply(MessageTemplate t, TemplateRequest r) {
        TemplateVariables.firstUnknown(r.body()).ifPresent(name -> {
            throw ProblemException.badField("body", "unknown variable {" + name + "}; known: "
                    + String.join(", ", TemplateVariables.ALL.stream().sorted().map(n -> "{" + n + "}").toList()));
        });
        t.channel = r.channel() == null ? "sms" : r.channel();
        t.name = r.name().trim();
        t.body = r.body();
    }
}
