package io.switchboard.calls.agent;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.calls.connection.ProviderConnection;
import io.switchboard.calls.connection.ProviderConnectionRepository;
import io.switchboard.calls.schema.JsonSchemas;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.agent.AgentCreatedV1;
import io.switchboard.events.agent.AgentDeletedV1;
import io.switchboard.events.agent.AgentUpdatedV1;
import io.switchboard.platform.json.JsonMergePatch;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.persistence.UniqueConstraints;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.RequestBodies;

/** Agents: create, read, patch, delete; each change with its agent.* event in the same transaction. */
@ApplicationScoped
@Transactional
public class AgentService {

    private static final Logger LOG = Logger.getLogger(AgentService.class);
    static final String UNIQUE = "agent_connection_provider_agent_unique";
    private static final Set<String> PATCHABLE = Set.of("name", "description", "connectionId", "providerAgentId", "type",
            "systemPrompt", "greeting", "template", "voiceConfig", "llmConfig", "taskConfig", "enabled", "smsTemplateId");

    private final AgentRepository agents;
    private final ProviderConnectionRepository connections;
    private final JsonSchemas schemas;
    private final RequestBodies bodies;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final EntityManager em;

    public AgentService(AgentRepository agents, ProviderConnectionRepository connections, JsonSchemas schemas,
            RequestBodies bodies, Outbox outbox, ObjectMapper json, EntityManager em) {
        this.agents = agents;
        this.connections = connections;
        this.schemas = schemas;
        this.bodies = bodies;
        this.outbox = outbox;
        this.json = json;
        this.em = em;
    }

    public AgentView create(UUID tenantId, AgentRequest request) {
        ProviderConnection connection = checked(tenantId, request, null);
        OffsetDateTime now = now();
        Agent agent = new Agent();
        agent.id = UUID.randomUUID();
        agent.tenantId = tenantId;
        agent.createdAt = now;
        agent.updatedAt = now;
        apply(agent, request);
        UniqueConstraints.insertOrConflict(() -> {
            agents.persist(agent);
            agents.flush();
        }, UNIQUE, duplicateDetail(request));
        outbox.publish(EventCatalog.AGENT_CREATED, tenantId, new AgentCreatedV1(agent.id.toString(), agent.name,
                agent.connectionId.toString(), connection.provider.wire(), agent.providerAgentId, agent.type,
                agent.template, agent.enabled, now.toInstant()));
        LOG.infof("agent created tenant=%s agent=%s connection=%s", tenantId, agent.id, agent.connectionId);
        return AgentView.of(agent, connection.provider.wire());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AgentView get(UUID tenantId, UUID id) {
        Agent agent = find(tenantId, id);
        return AgentView.of(agent, providerOf(tenantId, agent.connectionId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AgentView> list(UUID tenantId, PageRequest page) {
        Map<UUID, String> providers = new LinkedHashMap<>();
        return Page.of(agents.listForTenant(tenantId, page), page, row -> Cursor.of(row.createdAt, row.id),
                a -> AgentView.of(a, providers.computeIfAbsent(a.connectionId, c -> providerOf(tenantId, c))));
    }

    /** JSON merge patch (RFC 7386); the agent is found first, so a foreign id is 404 whatever the body. */
    public AgentView update(UUID tenantId, UUID id, JsonNode patch) throws JsonProcessingException {
        Agent agent = find(tenantId, id);
        JsonMergePatch.requireOnly(patch, PATCHABLE);
        AgentRequest before = AgentRequest.of(agent);
        AgentRequest after = bodies.validate(json.treeToValue(JsonMergePatch.apply(json.valueToTree(before), patch),
                AgentRequest.class));
        ProviderConnection connection = checked(tenantId, after, agent.id);
        List<String> changed = changedFields(json.valueToTree(before), json.valueToTree(after));
        if (changed.isEmpty()) {
            return AgentView.of(agent, connection.provider.wire());
        }
        apply(agent, after);
        agent.updatedAt = now();
        UniqueConstraints.insertOrConflict(agents::flush, UNIQUE, duplicateDetail(after));
        outbox.publish(EventCatalog.AGENT_UPDATED, tenantId, new AgentUpdatedV1(agent.id.toString(), agent.name,
                agent.connectionId.toString(), connection.provider.wire(), agent.providerAgentId, agent.type,
                agent.template, agent.enabled, changed, agent.updatedAt.toInstant()));
        LOG.infof("agent updated tenant=%s agent=%s fields=%s", tenantId, agent.id, changed);
        return AgentView.of(agent, connection.provider.wire());
    }

    /** Its custom functions go with it (ON DELETE CASCADE); calls keep the agent id as history. */
    public void delete(UUID tenantId, UUID id) {
        Agent agent = find(tenantId, id);
        agents.delete(agent);
        agents.flush();
        outbox.publish(EventCatalog.AGENT_DELETED, tenantId, new AgentDeletedV1(agent.id.toString(),
                agent.connectionId.toString(), agent.providerAgentId, now().toInstant()));
        LOG.infof("agent deleted tenant=%s agent=%s", tenantId, id);
    }

    /** The agent, or 404 (another tenant's agent is as unknown as a missing one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Agent find(UUID tenantId, UUID id) {
        return agents.findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("agent", id));
    }

    /** The cross-field rules Bean Validation cannot see; returns the agent's connection. */
    private ProviderConnection checked(UUID tenantId, AgentRequest request, UUID self) {
        ProviderConnection connection = connections.findForTenant(tenantId, request.connectionId())
                .orElseThrow(() -> ProblemException.badField("connectionId", "no provider connection " + request.connectionId()));
        if (request.smsTemplateId() != null && em.createNativeQuery(
                "SELECT 1 FROM message_template WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, tenantId).setParameter(2, request.smsTemplateId()).getResultList().isEmpty()) {
            throw ProblemException.badField("smsTemplateId", "no message template " + request.smsTemplateId());
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("voiceConfig", orEmpty(request.voiceConfig()));
        config.put("llmConfig", orEmpty(request.llmConfig()));
        config.put("taskConfig", orEmpty(request.taskConfig()));
        schemas.requireValid(schemas.resource("agent-config/" + connection.provider.wire() + ".schema.json"),
                json.valueToTree(config), "");
        agents.byProviderAgentId(tenantId, connection.id, request.providerAgentId().trim())
                .filter(other -> !other.id.equals(self))
                .ifPresent(other -> {
                    throw ProblemException.conflict(duplicateDetail(request));
                });
        return connection;
    }

    private static void apply(Agent agent, AgentRequest r) {
        agent.name = r.name().trim();
        agent.description = r.description();
        agent.connectionId = r.connectionId();
        agent.providerAgentId = r.providerAgentId().trim();
        agent.type = r.type() == null ? "call" : r.type();
        agent.systemPrompt = r.systemPrompt();
        agent.greeting = r.greeting();
        agent.template = r.template() == null ? "custom" : r.template();
        agent.voiceConfig = new LinkedHashMap<>(orEmpty(r.voiceConfig()));
        agent.llmConfig = new LinkedHashMap<>(orEmpty(r.llmConfig()));
        agent.taskConfig = new LinkedHashMap<>(orEmpty(r.taskConfig()));
        agent.enabled = r.enabled() == null || r.enabled();
        agent.smsTemplateId = r.smsTemplateId();
    }

    private String providerOf(UUID tenantId, UUID connectionId) {
        return connections.findForTenant(tenantId, connectionId).map(c -> c.provider.wire()).orElse(null);
    }

    private static List<String> changedFields(JsonNode before, JsonNode after) {
        List<String> changed = new ArrayList<>();
        for (String field : PATCHABLE.stream().sorted().toList()) {
            if (!Objects.equals(normalized(before.get(field)), normalized(after.get(field)))) {
                changed.add(field);
            }
        }
        return changed;
    }

    private static JsonNode normalized(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }

    private static String duplicateDetail(AgentRequest r) {
        return "the connection already has an agent with providerAgentId " + r.providerAgentId().trim();
    }
}
