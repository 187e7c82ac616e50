package io.switchboard.platform.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.ProblemException;

/**
 * JSON Merge Patch (RFC 7386), the semantics of every PATCH: a member absent from the patch is unchanged,
 * a member set to null is removed (cleared), an object is merged member by member, anything else replaces.
 */
public final class JsonMergePatch {

    private JsonMergePatch() {
    }

    /** The patched document; {@code target} is not modified. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? target : patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /**
     * 400 naming every member of {@code patch} outside {@code patchable} (unknown or read-only), so a PATCH never
     * silently ignores a field; also 400 when the patch is not a JSON object.
     */
    public static void requireOnly(JsonNode patch, Set<String> patchable) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badField("body", "must be a JSON object of the fields to change");
        }
        List<Problem.FieldError> unknown = new ArrayList<>();
        patch.fieldNames().forEachRemaining(name -> {
            if (!patchable.contains(name)) {
                unknown.add(new Problem.FieldError(name, "cannot be changed (unknown or read-only field)"));
            }
        });
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
    }
}
