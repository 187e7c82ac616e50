package io.switchboard.contacts.importer;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.switchboard.contacts.dnc.DncCheck;

/**
 * THE one place an import asks which of its numbers may not be called. Such a row is still imported (dropping it
 * silently would hide it), but it is flagged: counted in rows_flagged and listed among the import's errors with reason
 * {@link #REASON}. A number is flagged when it opted out of voice or is on the tenant's internal DNC list (the rule
 * of {@link DncCheck} for calls; named DNC lists apply per campaign, not per tenant). Called once per chunk, inside
 * the chunk's transaction, with the chunk's E.164 numbers: one set-based query.
 */
@ApplicationScoped
public class OptOutGate {

    static final String REASON = "opted_out: the number opted out of calls or is on the tenant's do-not-call list; imported and flagged";

    @Inject
    DncCheck dnc;

    public Set<String> optedOut(UUID tenantId, Collection<String> phones) {
        return dnc.callBlocked(tenantId, phones);
    }
}
