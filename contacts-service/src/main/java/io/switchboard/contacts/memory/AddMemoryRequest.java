package io.switchboard.contacts.memory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A manual memory: one fact or preference, up to {@value MemoryService#MAX_CONTENT} characters. */
@Schema(name = "AddMemoryRequest", example = """
        {"content":"Prefers calls after 5pm"}""")
public record AddMemoryRequest(
        @NotBlank @Size(max = MemoryService.MAX_CONTENT) String content) {
}
