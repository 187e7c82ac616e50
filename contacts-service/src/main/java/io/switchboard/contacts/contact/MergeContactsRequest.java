package io.switchboard.contacts.contact;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Merge {@code mergeContactId} into the contact of the path; checked by the service after the path's contact is found. */
public record MergeContactsRequest(
        @Schema(description = "The contact to merge into the path's contact; it is deleted", format = "uuid",
                required = true, example = "7f1c9d2e-3a4b-4c5d-8e6f-0a1b2c3d4e5f") String mergeContactId) {
}
