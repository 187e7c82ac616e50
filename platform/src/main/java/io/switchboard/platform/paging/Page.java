package io.switchboard.platform.paging;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list, newest first. {@code nextCursor} is null on the last page; otherwise pass it back as
 * {@code cursor} to get the next one. The convention is described in docs/api-conventions.md.
 */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()} (one more than the limit): that
     * extra row only says whether another page exists and is not returned.
     */
    public static <R, T> Page<T> of(List<R> rows, PageRequest request, Function<R, ? extends PageKey> keyOf, Function<R, T> view) {
        int limit = request.limit();
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? keyOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }

    public <U> Page<U> map(Function<T, U> view) {
        return new Page<>(items.stream().map(view).toList(), nextCursor);
    }
}
