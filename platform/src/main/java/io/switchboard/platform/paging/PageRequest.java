package io.switchboard.platform.paging;

import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The paging parameters of every list endpoint: {@code limit} (1..{@value #MAX_LIMIT}, default
 * {@value #DEFAULT_LIMIT}) and the opaque {@code cursor} from the previous page's {@code nextCursor}.
 * A resource takes it as {@code @Valid @BeanParam PageRequest page}.
 */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    @QueryParam("limit")
    @DefaultValue("" + DEFAULT_LIMIT)
    @Min(1)
    @Max(MAX_LIMIT)
    int limit = DEFAULT_LIMIT;

    @QueryParam(Cursor.PARAMETER)
    String cursor;

    public PageRequest() {
    }

    public static PageRequest of(int limit, String cursor) {
        PageRequest request = new PageRequest();
        request.limit = limit;
        request.cursor = cursor;
        return request;
    }

    public int limit() {
        return limit;
    }

    /** Rows to fetch: one more than shown tells whether there is a next page without a count query. */
    public int fetchSize() {
        return limit + 1;
    }

    /** The previous page's last key; empty for the first page, 400 naming {@code cursor} if it is not ours. */
    public Optional<Cursor> after() {
        return Cursor.decode(cursor);
    }

    /** The previous page's last key in the order {@code sort}; empty for the first page, 400 naming {@code cursor} if it is not ours. */
    public Optional<SortCursor> after(String sort) {
        return SortCursor.decode(cursor, sort);
    }
}
