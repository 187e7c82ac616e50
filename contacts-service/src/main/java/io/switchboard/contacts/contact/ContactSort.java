package io.switchboard.contacts.contact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The orders a contact list can be read in. Each is an SQL expression that is never null (so the keyset
 * comparison is total) and uses no function that is not leakproof (or row-level security keeps it from being an
 * index condition, see V4), the same expression V4 indexes with (tenant_id, expression, id), and the Java value
 * of that expression for a loaded contact, which becomes the next page's cursor.
 */
public enum ContactSort {

    CREATED_AT("createdAt", "c.created_at", c -> c.createdAt.toInstant().toString(), ContactSort::time),
    UPDATED_AT("updatedAt", "c.updated_at", c -> c.updatedAt.toInstant().toString(), ContactSort::time),
    // V4's generated last_name_key = lower(coalesce(last_name, ''))
    LAST_NAME("lastName", "c.last_name_key",
            // the key as the database computed it: Java's lower-casing need not agree with the database's collation
            c -> c.lastNameKey, key -> key),
    // V4's generated last_contact_key: a contact never reached sorts as if reached at the epoch (first ascending)
    LAST_CONTACT_AT("lastContactAt", "c.last_contact_key",
            c -> (c.lastContactAt == null ? Instant.EPOCH : c.lastContactAt.toInstant()).toString(), ContactSort::time);

    public static final String NAMES = "createdAt|updatedAt|lastName|lastContactAt";

    final String apiName;
    final String expression;
    final Function<Contact, String> keyOf;
    final Function<String, Object> bind;

    ContactSort(String apiName, String expression, Function<Contact, String> keyOf, Function<String, Object> bind) {
        this.apiName = apiName;
        this.expression = expression;
        this.keyOf = keyOf;
        this.bind = bind;
    }

    public static ContactSort of(String apiName) {
        return Arrays.stream(values()).filter(s -> s.apiName.equals(apiName)).findFirst().orElse(CREATED_AT);
    }

    private static Object time(String key) {
        return OffsetDateTime.ofInstant(Instant.parse(key), ZoneOffset.UTC);
    }
}
