package io.switchboard.contacts.dnc;

import java.time.OffsetDateTime;
import java.util.UUID;

public record OptOutView(UUID id, String phone, String channel, String reason, String source, UUID contactId,
        OffsetDateTime createdAt) {

    static OptOutView of(OptOut o) {
        return new OptOutView(o.id, o.phone, o.channel, o.reason, o.source, o.contactId, o.createdAt);
    }
}
