package io.switchboard.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonMergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void absentMembersStayNullClearsAndObjectsMergeMemberByMember() throws Exception {
        JsonNode target = JSON.readTree("{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"},\"keep\":1}");
        JsonNode patch = JSON.readTree("{\"a\":\"z\",\"c\":{\"f\":null,\"h\":1}}");
        assertEquals(JSON.readTree("{\"a\":\"z\",\"c\":{\"d\":\"e\",\"h\":1},\"keep\":1}"), JsonMergePatch.apply(target, patch));
    }

    @Test
    void arraysAndScalarsAreReplacedWholeAndTheTargetIsNotModified() throws Exception {
        JsonNode target = JSON.readTree("{\"tags\":[\"a\",\"b\"],\"n\":{\"x\":1}}");
        JsonNode patch = JSON.readTree("{\"tags\":[\"c\"],\"n\":5}");
        assertEquals(JSON.readTree("{\"tags\":[\"c\"],\"n\":5}"), JsonMergePatch.apply(target, patch));
        assertEquals(JSON.readTree("{\"tags\":[\"a\",\"b\"],\"n\":{\"x\":1}}"), target);
    }

    @Test
    void aNonObjectPatchReplacesTheDocument() throws Exception {
        assertEquals(JSON.readTree("[1]"), JsonMergePatch.apply(JSON.readTree("{\"a\":1}"), JSON.readTree("[1]")));
    }

    @Test
    void onlyPatchableMembersPassAndEveryOtherIsNamed() throws Exception {
        JsonMergePatch.requireOnly(JSON.readTree("{\"name\":\"x\",\"enabled\":null}"), java.util.Set.of("name", "enabled"));
        io.switchboard.platform.problem.ProblemException refused = org.junit.jupiter.api.Assertions.assertThrows(
                io.switchboard.platform.problem.ProblemException.class,
                () -> JsonMergePatch.requireOnly(JSON.readTree("{\"name\":\"x\",\"id\":1,\"createdAt\":2}"), java.util.Set.of("name")));
        assertEquals(java.util.List.of("createdAt", "id"), refused.errors().stream().map(e -> e.field()).toList());
        org.junit.jupiter.api.Assertions.assertThrows(io.switchboard.platform.problem.ProblemException.class,
                () -> JsonMergePatch.requireOnly(JSON.readTree("[1]"), java.util.Set.of("name")));
    }
}
