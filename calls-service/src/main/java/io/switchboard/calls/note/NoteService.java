package io.switchboard.calls.note;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.calls.call.Call;
import io.switchboard.calls.call.CallModel;
import io.switchboard.calls.call.CallRepository;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.RequestBodies;

/** Call notes; adding and deleting one is a timeline entry of the call ({@code note_added}, {@code note_deleted}). */
@ApplicationScoped
@Transactional
public class NoteService {

    private static final Logger LOG = Logger.getLogger(NoteService.class);

    private final CallRepository calls;
    private final CallModel model;
    private final RequestBodies bodies;
    private final EntityManager em;

    public NoteService(CallRepository calls, CallModel model, RequestBodies bodies, EntityManager em) {
        this.calls = calls;
        this.model = model;
        this.bodies = bodies;
        this.em = em;
    }

    public NoteView add(UUID tenantId, UUID callId, String author, NoteRequest request) {
        Call call = findCall(tenantId, callId);
        bodies.validate(request);
        CallNote note = new CallNote();
        note.id = UUID.randomUUID();
        note.tenantId = tenantId;
        note.callId = call.id;
        note.text = request.text();
        note.appointmentAt = request.appointmentAt() == null ? null : request.appointmentAt().withOffsetSameInstant(ZoneOffset.UTC);
        note.author = author;
        note.createdAt = now();
        em.persist(note);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("noteId", note.id.toString());
        details.put("text", note.text);
        if (note.appointmentAt != null) {
            details.put("appointmentAt", note.appointmentAt.toString());
        }
        details.put("author", author);
        model.appendManual(call, "note_added", details, note.createdAt.toInstant());
        LOG.infof("call note added tenant=%s call=%s note=%s", tenantId, callId, note.id);
        return NoteView.of(note);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<NoteView> list(UUID tenantId, UUID callId, PageRequest page) {
        findCall(tenantId, callId);
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        Map<String, Object> params = keyset.params(Map.of("tenantId", tenantId, "callId", callId));
        var query = em.createQuery("from CallNote where tenantId = :tenantId and callId = :callId" + keyset.and()
                + keyset.orderBy(), CallNote.class);
        params.forEach(query::setParameter);
        List<CallNote> rows = query.setMaxResults(page.fetchSize()).getResultList();
        return Page.of(rows, page, row -> Cursor.of(row.createdAt, row.id), NoteView::of);
    }

    public void delete(UUID tenantId, UUID callId, UUID id, String author) {
        Call call = findCall(tenantId, callId);
        CallNote note = em.createQuery("from CallNote where tenantId = ?1 and callId = ?2 and id = ?3", CallNote.class)
                .setParameter(1, tenantId).setParameter(2, callId).setParameter(3, id).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("call note", id));
        em.remove(note);
        model.appendManual(call, "note_deleted", Map.of("noteId", id.toString(), "author", author), now().toInstant());
        LOG.infof("call note deleted tenant=%s call=%s note=%s", tenantId, callId, id);
    }

    /** The latest appointment noted on a call, for the post-call SMS's {appointment_time}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OffsetDateTime> latestAppointment(UUID tenantId, UUID callId) {
        return em.createQuery("select appointmentAt from CallNote where tenantId = ?1 and callId = ?2 and appointmentAt is not null "
                + "order by createdAt desc", OffsetDateTime.class).setParameter(1, tenantId).setParameter(2, callId)
                .setMaxResults(1).getResultStream().findFirst();
    }

    private Call findCall(UUID tenantId, UUID callId) {
        return calls.findForTenant(tenantId, callId).orElseThrow(() -> ProblemException.notFound("call", callId));
    }
}
