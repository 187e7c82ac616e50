package io.switchboard.contacts.dnc;

import java.time.OffsetDateTime;
import java.util.UUID;

public record DncListView(UUID id, String name, String description, boolean internal, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static DncListView of(DncList l) {
        return new DncListView(l.id, l.name, l.description, l.internal, l.createdAt, l.updatedAt);
    }
}
