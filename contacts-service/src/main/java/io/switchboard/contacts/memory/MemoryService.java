package io.switchboard.contacts.memory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.contacts.contact.ContactRepository;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.memory.MemoryAddedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.RequestBodies;

@ApplicationScoped
@Transactional
public class MemoryService {

    private static final Logger LOG = Logger.getLogger(MemoryService.class);

    /** Longest memory, manual or auto (a longer auto fact is cut here). */
    public static final int MAX_CONTENT = 2000;

    private final MemoryRepository memories;
    private final ContactRepository contacts;
    private final Outbox outbox;
    private final RequestBodies bodies;

    @Inject
    public MemoryService(MemoryRepository memories, ContactRepository contacts, Outbox outbox, RequestBodies bodies) {
        this.memories = memories;
        this.contacts = contacts;
        this.outbox = outbox;
        this.bodies = bodies;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MemoryView> list(UUID tenantId, UUID contactId, PageRequest page) {
        contacts.require(tenantId, contactId);
        return Page.of(memories.listForContact(tenantId, contactId, page), page, row -> Cursor.of(row.createdAt, row.id),
                MemoryView::of);
    }

    public MemoryView add(UUID tenantId, UUID contactId, AddMemoryRequest request) {
        contacts.require(tenantId, contactId);
        bodies.validate(request);
        Memory memory = newMemory(tenantId, contactId, Memory.MANUAL, request.content().strip(), null);
        memories.persist(memory);
        published(memory);
        return MemoryView.of(memory);
    }

    public void delete(UUID tenantId, UUID contactId, UUID memoryId) {
        contacts.require(tenantId, contactId);
        Memory memory = memories.findForContact(tenantId, contactId, memoryId)
                .orElseThrow(() -> ProblemException.notFound("memory", memoryId));
        memories.delete(memory);
        LOG.infof("memory deleted tenant=%s contact=%s memory=%s", tenantId, contactId, memoryId);
    }

    /**
     * Stores one fact a call's analysis produced, once per call and fact; true if it was new. Runs in the
     * consumer's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean rememberFromCall(UUID tenantId, UUID contactId, UUID callId, String fact) {
        String content = fact.strip();
        if (content.length() > MAX_CONTENT) {
            content = content.substring(0, Character.isLowSurrogate(content.charAt(MAX_CONTENT)) ? MAX_CONTENT - 1 : MAX_CONTENT);
        }
        Memory memory = newMemory(tenantId, contactId, Memory.AUTO, content, callId);
        if (!memories.insertAutoIfNew(memory)) {
            return false;
        }
        published(memory);
        return true;
    }

    private static Memory newMemory(UUID tenantId, UUID contactId, String kind, String content, UUID callId) {
        Memory memory = new Memory();
        memory.id = UUID.randomUUID();
        memory.tenantId = tenantId;
        memory.contactId = contactId;
        memory.kind = kind;
        memory.content = content;
        memory.callId = callId;
        memory.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return memory;
    }

    private void published(Memory memory) {
        outbox.publish(EventCatalog.MEMORY_ADDED, memory.tenantId, new MemoryAddedV1(memory.id.toString(),
                memory.contactId.toString(), memory.kind, memory.content,
                memory.callId == null ? null : memory.callId.toString(), memory.createdAt.toInstant()));
        LOG.infof("memory added tenant=%s contact=%s memory=%s kind=%s call=%s", memory.tenantId, memory.contactId, memory.id,
                memory.kind, memory.callId);
    }
}
