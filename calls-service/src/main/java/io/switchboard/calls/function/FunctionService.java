package io.switchboard.calls.function;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;

import io.switchboard.calls.agent.Agent;
import io.switchboard.calls.agent.AgentService;
import io.switchboard.calls.connection.SecretCipher;
import io.switchboard.calls.schema.JsonSchemas;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.persistence.UniqueConstraints;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.RequestBodies;

/**
 * Custom functions of an agent. The auth configuration is encrypted with the connections' {@link SecretCipher}
 * (associated data {@code custom_function/<id>/auth_config}), never returned and never logged.
 */
@ApplicationScoped
@Transactional
public class FunctionService {

    private static final Logger LOG = Logger.getLogger(FunctionService.class);
    static final String UNIQUE = "custom_function_agent_name_unique";
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");
    /** Set by the invoker itself, or an auth header that belongs in authConfig. */
    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "host", "content-length", "connection",
            "transfer-encoding", "upgrade", "expect");
    private static final Map<String, List<String>> AUTH_KEYS = Map.of(
            "api_key", List.of("key"), "bearer", List.of("token"), "basic", List.of("username", "password"));
    private static final Map<String, Set<String>> AUTH_ALLOWED = Map.of(
            "api_key", Set.of("key", "headerName"), "bearer", Set.of("token"), "basic", Set.of("username", "password"));

    private final FunctionRepository functions;
    private final AgentService agents;
    private final SecretCipher cipher;
    private final JsonSchemas schemas;
    private final RequestBodies bodies;
    private final FunctionInvoker invoker;
    private final ObjectMapper json;

    public FunctionService(FunctionRepository functions, AgentService agents, SecretCipher cipher, JsonSchemas schemas,
            RequestBodies bodies, FunctionInvoker invoker, ObjectMapper json) {
        this.functions = functions;
        this.agents = agents;
        this.cipher = cipher;
        this.schemas = schemas;
        this.bodies = bodies;
        this.invoker = invoker;
        this.json = json;
    }

    /** The agent first: a foreign or unknown agent is 404 whatever the body. */
    public FunctionView create(UUID tenantId, UUID agentId, FunctionRequest request) {
        Agent agent = agents.find(tenantId, agentId);
        bodies.validate(request);
        OffsetDateTime now = now();
        CustomFunction f = new CustomFunction();
        f.id = UUID.randomUUID();
        f.tenantId = tenantId;
        f.agentId = agent.id;
        f.createdAt = now;
        f.updatedAt = now;
        apply(f, request, false);
        UniqueConstraints.insertOrConflict(() -> {
            functions.persist(f);
            functions.flush();
        }, UNIQUE, "the agent already has a function named " + f.name);
        LOG.infof("custom function created tenant=%s agent=%s function=%s auth=%s", tenantId, agentId, f.id, f.authType);
        return FunctionView.of(f);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FunctionView> list(UUID tenantId, UUID agentId, PageRequest page) {
        agents.find(tenantId, agentId);
        return Page.of(functions.listForAgent(tenantId, agentId, page), page, row -> Cursor.of(row.createdAt, row.id),
                FunctionView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FunctionView get(UUID tenantId, UUID agentId, UUID id) {
        return FunctionView.of(find(tenantId, agentId, id));
    }

    /** Replaces the function; an absent authConfig keeps the stored one while authType stays the same. */
    public FunctionView replace(UUID tenantId, UUID agentId, UUID id, FunctionRequest request) {
        CustomFunction f = find(tenantId, agentId, id);
        bodies.validate(request);
        apply(f, request, true);
        f.updatedAt = now();
        UniqueConstraints.insertOrConflict(functions::flush, UNIQUE, "the agent already has a function named " + f.name);
        LOG.infof("custom function updated tenant=%s agent=%s function=%s auth=%s", tenantId, agentId, f.id, f.authType);
        return FunctionView.of(f);
    }

    public void delete(UUID tenantId, UUID agentId, UUID id) {
        functions.delete(find(tenantId, agentId, id));
        LOG.infof("custom function deleted tenant=%s agent=%s function=%s", tenantId, agentId, id);
    }

    /** Calls the tool once with sample arguments (validated against its parameters schema); never throws for the tool's failures. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public TestInvokeResult test(UUID tenantId, UUID agentId, UUID id, TestInvokeRequest request) {
        CustomFunction f = find(tenantId, agentId, id);
        Map<String, Object> arguments = request == null || request.arguments() == null ? Map.of() : request.arguments();
        schemas.requireValid(schemas.compile(json.valueToTree(f.parameters), "parameters"), json.valueToTree(arguments), "arguments");
        TestInvokeResult result = invoker.invoke(f, auth(f), arguments);
        LOG.infof("custom function tested tenant=%s agent=%s function=%s ok=%s status=%s latencyMs=%d error=%s", tenantId,
                agentId, id, result.ok(), result.status(), result.latencyMs(), result.error());
        return result;
    }

    private CustomFunction find(UUID tenantId, UUID agentId, UUID id) {
        return functions.findForAgent(tenantId, agentId, id).orElseThrow(() -> ProblemException.notFound("custom function", id));
    }

    private void apply(CustomFunction f, FunctionRequest r, boolean replacing) {
        String authType = r.authType() == null ? "none" : r.authType();
        String endpoint = checkedEndpoint(r.endpoint());
        Map<String, String> headers = checkedHeaders(r.headers());
        Map<String, Object> parameters = r.parameters() == null ? Map.of("type", "object", "properties", Map.of()) : r.parameters();
        schemas.compile(json.valueToTree(parameters), "parameters");
        String sealed = f.authConfig;
        boolean keepStored = replacing && r.authConfig() == null && authType.equals(f.authType) && f.authConfig != null;
        if ("none".equals(authType)) {
            if (r.authConfig() != null && !r.authConfig().isEmpty()) {
                throw ProblemException.badField("authConfig", "must be empty when authType is none");
            }
            sealed = null;
        } else if (!keepStored) {
            Map<String, String> config = r.authConfig() == null ? Map.of() : r.authConfig();
            for (String key : config.keySet()) {
                if (!AUTH_ALLOWED.get(authType).contains(key)) {
                    throw ProblemException.badField("authConfig." + key, "is not used by authType " + authType);
                }
            }
            for (String key : AUTH_KEYS.get(authType)) {
                String value = config.get(key);
                if (value == null || value.isBlank()) {
                    throw ProblemException.badField("authConfig." + key, "is required for authType " + authType);
                }
                if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    throw ProblemException.badField("authConfig." + key, "must not contain line breaks");
                }
            }
            String headerName = config.get("headerName");
            if (headerName != null && (!HEADER_NAME.matcher(headerName).matches() || RESERVED_HEADERS.contains(headerName.toLowerCase()))) {
                throw ProblemException.badField("authConfig.headerName", "must be a valid, non-reserved HTTP header name");
            }
            try {
                sealed = cipher.encrypt(json.writeValueAsString(new LinkedHashMap<>(config)), authContext(f.id));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize an auth configuration", e);
            }
        }
        f.name = r.name().trim();
        f.description = r.description();
        f.endpoint = endpoint;
        f.method = r.method() == null ? "POST" : r.method();
        f.headers = headers;
        f.authType = authType;
        f.authConfig = sealed;
        f.parameters = new LinkedHashMap<>(parameters);
        f.responseMapping = r.responseMapping() == null ? null : new LinkedHashMap<>(r.responseMapping());
        f.timeoutSeconds = r.timeoutSeconds() == null ? 30 : r.timeoutSeconds();
        f.enabled = r.enabled() == null || r.enabled();
    }

    /** The decrypted auth configuration, for the invoker only. */
    private Map<String, String> auth(CustomFunction f) {
        if (f.authConfig == null) {
            return Map.of();
        }
        try {
            return json.readValue(cipher.decrypt(f.authConfig, authContext(f.id)), new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored auth configuration is not JSON (function " + f.id + ")");
        }
    }

    static String authContext(UUID functionId) {
        return "custom_function/" + functionId + "/auth_config";
    }

    private static String checkedEndpoint(String value) {
        try {
            URI uri = new URI(value.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                throw ProblemException.badField("endpoint", "must be an absolute http or https URL without credentials");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw ProblemException.badField("endpoint", "must be an absolute http or https URL without credentials");
        }
    }

    private static Map<String, String> checkedHeaders(Map<String, String> headers) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (headers == null) {
            return checked;
        }
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches() || RESERVED_HEADERS.contains(name.toLowerCase())) {
                throw ProblemException.badField("headers." + name, "must be a valid HTTP header name other than "
                        + "Authorization, Host, Content-Length or a hop-by-hop header (credentials go in authConfig)");
            }
            if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw ProblemException.badField("headers." + name, "must be a single-line value");
            }
            checked.put(name, value);
        });
        return checked;
    }
}
