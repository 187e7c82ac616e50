package io.switchboard.calls.connection;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;

/** Provider connections: create, read, rotate, disable, delete; and their decrypted secrets for provider-facing code. */
@ApplicationScoped
@Transactional
public class ConnectionService {

    private static final Logger LOG = Logger.getLogger(ConnectionService.class);
    static final String WEBHOOK_SECRET = "webhook_secret";
    static final String API_KEY = "api_key";

    private final ProviderConnectionRepository connections;
    private final SecretCipher cipher;
    private final PublicBaseUrl publicBaseUrl;
    private final Validator validator;
    private final WebhookConnectionCache webhookCache;

    public ConnectionService(ProviderConnectionRepository connections, SecretCipher cipher, PublicBaseUrl publicBaseUrl,
            Validator validator, WebhookConnectionCache webhookCache) {
        this.connections = connections;
        this.cipher = cipher;
        this.publicBaseUrl = publicBaseUrl;
        this.validator = validator;
        this.webhookCache = webhookCache;
    }

    public ConnectionView create(UUID tenantId, CreateConnectionRequest request) {
        List<String> allowedIps = request.allowedIps() == null ? List.of() : request.allowedIps().stream().map(ip -> ip == null ? null : ip.trim()).toList();
        if (request.provider() != Provider.BOLNA && !allowedIps.isEmpty()) {
            throw ProblemException.badField("allowedIps", "only Bolna connections use a source-IP allow-list");
        }
        for (int i = 0; i < allowedIps.size(); i++) {
            int index = i;
            IpAllowList.problem(allowedIps.get(i)).ifPresent(p -> {
                throw ProblemException.badField("allowedIps[" + index + "]", p);
            });
        }
        boolean noSecret = request.webhookSecret() == null || request.webhookSecret().isBlank();
        if (noSecret && (request.provider() != Provider.BOLNA || allowedIps.isEmpty())) {
            throw ProblemException.badField("webhookSecret", request.provider() == Provider.BOLNA
                    ? "a Bolna connection needs a shared token, allowedIps, or both"
                    : "must not be blank");
        }
        String apiBaseUrl = checkedBaseUrl(request.apiBaseUrl());

        OffsetDateTime now = now();
        ProviderConnection c = new ProviderConnection();
        c.id = UUID.randomUUID();
        c.tenantId = tenantId;
        c.provider = request.provider();
        c.name = request.name().trim();
        c.webhookSecret = noSecret ? null : cipher.encrypt(request.webhookSecret(), context(c.id, WEBHOOK_SECRET));
        c.apiKey = blank(request.apiKey()) ? null : cipher.encrypt(request.apiKey(), context(c.id, API_KEY));
        c.accountSid = blank(request.accountSid()) ? null : request.accountSid().trim();
        c.allowedIps = new ArrayList<>(allowedIps);
        c.apiBaseUrl = apiBaseUrl;
        c.enabled = true;
        c.createdAt = now;
        c.updatedAt = now;
        connections.persist(c);
        LOG.infof("provider connection created tenant=%s connection=%s provider=%s", tenantId, c.id, c.provider.wire());
        return view(c);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConnectionView get(UUID tenantId, UUID id) {
        return view(find(tenantId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ConnectionView> list(UUID tenantId, PageRequest page) {
        return Page.of(connections.listForTenant(tenantId, page), page, row -> Cursor.of(row.createdAt, row.id), this::view);
    }

    /** The new secret applies at once; the delivery log keeps what the old one verified. */
    public ConnectionView rotateSecret(UUID tenantId, UUID id, RotateSecretRequest request) {
        ProviderConnection c = find(tenantId, id);
        // validated only now: an unknown id is 404 whatever the body (the isolation sweep sends "{}")
        if (request == null) {
            throw ProblemException.badField("webhookSecret", "must not be blank");
        }
        Set<ConstraintViolation<RotateSecretRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        c.webhookSecret = cipher.encrypt(request.webhookSecret(), context(c.id, WEBHOOK_SECRET));
        if (!blank(request.apiKey())) {
            c.apiKey = cipher.encrypt(request.apiKey(), context(c.id, API_KEY));
        }
        c.secretRotatedAt = now();
        c.updatedAt = c.secretRotatedAt;
        webhookCache.forget(id);
        LOG.infof("provider connection secret rotated tenant=%s connection=%s", tenantId, id);
        return view(c);
    }

    /** A disabled connection's webhooks are answered 404, as if it did not exist, until it is enabled again. */
    public ConnectionView setEnabled(UUID tenantId, UUID id, boolean enabled) {
        ProviderConnection c = find(tenantId, id);
        if (c.enabled != enabled) {
            c.enabled = enabled;
            c.updatedAt = now();
            webhookCache.forget(id);
            LOG.infof("provider connection %s tenant=%s connection=%s", enabled ? "enabled" : "disabled", tenantId, id);
        }
        return view(c);
    }

    /** 409 while agents (or phone numbers) use it: disable it instead, or remove them first. */
    public void delete(UUID tenantId, UUID id) {
        ProviderConnection c = find(tenantId, id);
        if (connections.usedByAgents(tenantId, id)) {
            throw ProblemException.conflict("provider connection " + id + " has agents: delete them or move them to "
                    + "another connection first, or disable the connection");
        }
        try {
            connections.delete(c);
            connections.flush();
            webhookCache.forget(id);
        } catch (jakarta.persistence.PersistenceException e) {
            // a row added meanwhile (an agent, a phone number) still references it: the foreign key says no
            if (foreignKeyViolated(e)) {
                throw ProblemException.conflict("provider connection " + id + " is still used by agents or phone numbers");
            }
            throw e;
        }
        LOG.infof("provider connection deleted tenant=%s connection=%s", tenantId, id);
    }

    private static boolean foreignKeyViolated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23503".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The connection with its secrets decrypted, for code that talks to the provider (the webhook check, outbound
     * adapters, reconciliation). Runs under the caller's tenant (request token or TenantScope).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConnectionCredentials> credentials(UUID tenantId, UUID id) {
        return connections.findForTenant(tenantId, id).map(c -> new ConnectionCredentials(c.id, c.tenantId, c.provider,
                c.enabled, c.webhookSecret == null ? null : cipher.decrypt(c.webhookSecret, context(c.id, WEBHOOK_SECRET)),
                c.apiKey == null ? null : cipher.decrypt(c.apiKey, context(c.id, API_KEY)), c.accountSid,
                List.copyOf(c.allowedIps), c.apiBaseUrl));
    }

    /** The tenant a webhook's connection id belongs to, whoever asks (see {@link ProviderConnectionRepository#tenantOf}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> tenantOf(UUID connectionId) {
        return connections.tenantOf(connectionId);
    }

    /** Re-encrypts a connection's secrets under the current key (SecretRekeyJob); false if it was gone or current. */
    public boolean rekey(UUID tenantId, UUID id) {
        Optional<ProviderConnection> found = connections.findForTenant(tenantId, id);
        if (found.isEmpty()) {
            return false;
        }
        ProviderConnection c = found.get();
        boolean changed = false;
        if (c.webhookSecret != null && !cipher.isCurrent(c.webhookSecret)) {
            c.webhookSecret = cipher.encrypt(cipher.decrypt(c.webhookSecret, context(id, WEBHOOK_SECRET)), context(id, WEBHOOK_SECRET));
            changed = true;
        }
        if (c.apiKey != null && !cipher.isCurrent(c.apiKey)) {
            c.apiKey = cipher.encrypt(cipher.decrypt(c.apiKey, context(id, API_KEY)), context(id, API_KEY));
            changed = true;
        }
        return changed;
    }

    private ProviderConnection find(UUID tenantId, UUID id) {
        return connections.findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("provider connection", id));
    }

    private ConnectionView view(ProviderConnection c) {
        return ConnectionView.of(c, publicBaseUrl.value());
    }

    static String context(UUID connectionId, String field) {
        return connectionId + "/" + field;
    }

    private static String checkedBaseUrl(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            URI uri = new URI(value.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw ProblemException.badField("apiBaseUrl", "must be an absolute http or https URL");
            }
            return uri.toString().replaceAll("/+$", "");
        } catch (URISyntaxException e) {
            throw ProblemException.badField("apiBaseUrl", "must be an absolute http or https URL");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
