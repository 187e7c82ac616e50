package io.switchboard.platform.paging;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keyset condition behind cursor paging, for HQL and native SQL alike (both take named parameters):
 * rows strictly after the cursor in {@code ORDER BY created_at DESC, id DESC}. The id breaks ties between
 * rows created in the same microsecond, so no row is skipped or repeated between pages, however many rows
 * are inserted meanwhile; and unlike OFFSET its cost does not grow with the page number.
 *
 * <pre>{@code
 * Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
 * find("tenantId = :tenantId" + keyset.and() + keyset.orderBy(), keyset.params(Map.of("tenantId", t)))
 *     .range(0, page.fetchSize() - 1)
 * }</pre>
 */
public record Keyset(String condition, Map<String, Object> parameters, String timeColumn, String idColumn, boolean ascending) {

    static final String TIME_PARAMETER = "keysetCreatedAt";
    static final String ID_PARAMETER = "keysetId";
    static final String KEY_PARAMETER = "keysetKey";

    /**
     * @param timeColumn the creation-time attribute (HQL) or column (SQL)
     * @param idColumn   the id attribute or column
     * @param timeType   the Java type the time binds as: {@code Instant.class} or {@code OffsetDateTime.class}
     */
    public static Keyset after(Optional<Cursor> cursor, String timeColumn, String idColumn, Class<?> timeType) {
        if (cursor.isEmpty()) {
            return new Keyset("", Map.of(), timeColumn, idColumn, false);
        }
        // a row comparison, so PostgreSQL walks the (tenant_id, created_at DESC, id DESC) index from the cursor on
        String condition = "(" + timeColumn + ", " + idColumn + ") < (:" + TIME_PARAMETER + ", :" + ID_PARAMETER + ")";
        return new Keyset(condition, Map.of(TIME_PARAMETER, cursor.get().createdAtAs(timeType), ID_PARAMETER,
                cursor.get().id()), timeColumn, idColumn, false);
    }

    /**
     * The same rule for a client-chosen order: rows strictly after the cursor in
     * {@code ORDER BY <keyExpression> <direction>, <idColumn> <direction>}. The expression must never be null
     * (coalesce a nullable column) and be indexed together with the id for the order to be cheap.
     *
     * @param bindKey turns the cursor's key text back into the value the expression compares with
     */
    public static Keyset sorted(Optional<SortCursor> cursor, String keyExpression, java.util.function.Function<String, Object> bindKey,
            String idColumn, boolean ascending) {
        if (cursor.isEmpty()) {
            return new Keyset("", Map.of(), keyExpression, idColumn, ascending);
        }
        String condition = "(" + keyExpression + ", " + idColumn + ") " + (ascending ? ">" : "<")
                + " (:" + KEY_PARAMETER + ", :" + ID_PARAMETER + ")";
        return new Keyset(condition, Map.of(KEY_PARAMETER, bindKey.apply(cursor.get().key()), ID_PARAMETER, cursor.get().id()),
                keyExpression, idColumn, ascending);
    }

    /** {@code " and <condition>"}, or nothing on the first page. */
    public String and() {
        return condition.isEmpty() ? "" : " and " + condition;
    }

    /** {@code " where <condition>"}, or nothing on the first page. */
    public String where() {
        return condition.isEmpty() ? "" : " where " + condition;
    }

    public String orderBy() {
        String direction = ascending ? " asc" : " desc";
        return " order by " + timeColumn + direction + ", " + idColumn + direction;
    }

    /** The caller's own named parameters plus the keyset's. */
    public Map<String, Object> params(Map<String, Object> own) {
        Map<String, Object> all = new HashMap<>(own);
        all.putAll(parameters);
        return all;
    }
}
