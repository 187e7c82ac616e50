package io.switchboard.gateway.audit;

import java.util.List;

/** One page of the audit log, newest first. */
public record AuditLogPage(List<AuditEntry> items, int page, int size, long total) {
}
