package io.switchboard.contacts.dnc;

import jakarta.validation.constraints.Size;

/** A named DNC list to create ({@code name} required) or the fields of one to change (absent = unchanged). */
public record DncListRequest(
        @Size(max = 200) String name,
        @Size(max = 1000) String description) {
}
