package io.switchboard.contacts.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContactRulesTest {

    @Test
    void tagsAreTrimmedLowerCasedAndDeduplicatedInOrder() {
        assertEquals(List.of("vip", "lead"), ContactRules.normalizeTags(Arrays.asList(" VIP ", "lead", "vip", "", null, "  ")));
        assertEquals(List.of(), ContactRules.normalizeTags(null));
    }

    @Test
    void aTagUnionKeepsTheFirstListsOrderAndDropsDuplicates() {
        assertEquals(List.of("a", "b", "c"), ContactRules.unionTags(List.of("a", "b"), List.of("B", "c")));
    }

    @Test
    void customFieldsAreBoundedInCountAndSize() {
        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i <= ContactRules.MAX_CUSTOM_FIELDS; i++) {
            many.put("k" + i, i);
        }
        assertTrue(ContactRules.customFieldsProblem(many).orElseThrow().contains("at most"));
        assertTrue(ContactRules.customFieldsProblem(Map.of("big", "x".repeat(ContactRules.MAX_CUSTOM_FIELDS_BYTES)))
                .orElseThrow().contains("bytes"));
        assertTrue(ContactRules.customFieldsProblem(Map.of("crm", "A-1", "n", 3)).isEmpty());
    }

    @Test
    void aNulCharacterNestedInCustomFieldsIsRefused() {
        assertTrue(ContactRules.customFieldsProblem(Map.of("a", Map.of("b", List.of("x\u0000y")))).isPresent());
        assertTrue(ContactRules.customFieldsProblem(Map.of("k\u0000", 1)).isPresent());
    }

    @Test
    void inAUnionOfCustomFieldsTheSurvivorsValueWins() {
        assertEquals(Map.of("a", 1, "b", 2, "c", 4), ContactRules.unionCustomFields(Map.of("a", 1, "b", 2), Map.of("b", 3, "c", 4)));
    }
}
