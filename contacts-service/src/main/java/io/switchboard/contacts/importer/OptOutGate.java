package io.switchboard.contacts.importer;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * THE one place an import asks which of its numbers are opted out. Such a row is still imported (dropping it silently
 * would hide it), but it is flagged: counted in rows_flagged and listed among the import's errors with reason
 * {@link #REASON}. Until the opt-out table (issue 8, "Opt-outs and do-not-call") exists this finds none; wire it to
 * the opt-out repository here, a set-based query over {@code phones} (it is called once per chunk, inside the chunk's
 * transaction, with the chunk's E.164 numbers).
 */
@ApplicationScoped
public class OptOutGate {

    static final String REASON = "opted_out: the number is on the tenant's opt-out list; imported and flagged";

    public Set<String> optedOut(UUID tenantId, Collection<String> phones) {
        return Set.of();
    }
}
