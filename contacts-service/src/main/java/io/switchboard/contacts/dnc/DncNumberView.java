package io.switchboard.contacts.dnc;

import java.time.OffsetDateTime;
import java.util.UUID;

public record DncNumberView(UUID listId, String phone, String reason, String source, OffsetDateTime createdAt) {

    static DncNumberView of(DncNumber n) {
        return new DncNumberView(n.listId, n.phone, n.reason, n.source, n.createdAt);
    }
}
