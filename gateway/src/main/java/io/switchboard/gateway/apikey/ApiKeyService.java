package io.switchboard.gateway.apikey;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.gateway.security.CallerCache;
import io.switchboard.gateway.security.Scopes;
import io.switchboard.gateway.security.Secrets;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.ProblemException;

@ApplicationScoped
@Transactional
public class ApiKeyService {

    private static final Logger LOG = Logger.getLogger(ApiKeyService.class);

    @Inject
    ApiKeyRepository keys;

    @Inject
    CallerCache callers;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApiKeyViews.ApiKeyView> list(UUID tenantId, PageRequest page) {
        return Page.of(keys.listByTenant(tenantId, page), page, k -> new Cursor(k.createdAt, k.id),
                ApiKeyViews.ApiKeyView::of);
    }

    public ApiKeyViews.CreatedApiKey create(UUID tenantId, UUID actor, ApiKeyViews.CreateApiKey request) {
        LinkedHashSet<String> scopes = new LinkedHashSet<>();
        for (int i = 0; i < request.scopes().size(); i++) {
            String scope = request.scopes().get(i).trim();
            if (!Scopes.isKnown(scope)) {
                String field = "scopes[" + i + "]";
                throw new ProblemException(400, "validation", "Invalid request", field + ": unknown scope " + scope,
                        List.of(new Problem.FieldError(field, "must be one of " + String.join(", ", Scopes.ALL))));
            }
            scopes.add(scope);
        }
        String prefix = Secrets.lowerToken(8);
        String secret = "sb_" + prefix + "_" + Secrets.token(43);
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.tenantId = tenantId;
        key.name = request.name().trim();
        key.prefix = prefix;
        key.keyHash = Secrets.sha256(secret);
        key.scopes = scopes.toArray(String[]::new);
        key.rateLimitPerMinute = request.rateLimitPerMinute();
        key.expiresAt = request.expiresAt();
        key.createdBy = actor;
        key.createdAt = Instant.now();
        keys.persist(key);
        callers.invalidateAfterCommit(); // drops any "unknown key" entry (see AuthConfig#unknownKeyCacheTtl)
        LOG.infof("API key %s (sb_%s_…) created in tenant %s by %s with %s", key.id, prefix, tenantId, actor, scopes);
        return new ApiKeyViews.CreatedApiKey(key.id, key.name, prefix, secret, List.copyOf(scopes),
                key.rateLimitPerMinute, key.expiresAt, key.createdAt);
    }

    public void revoke(UUID tenantId, UUID actor, UUID id) {
        ApiKey key = keys.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("API key", id));
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
            callers.invalidateAfterCommit();
            LOG.infof("API key %s of tenant %s revoked by %s", id, tenantId, actor);
        }
    }
}
