package io.switchboard.platform.paging;

/** The key of the last item of a page, as the opaque {@code nextCursor} token: a {@link Cursor} or a {@link SortCursor}. */
public interface PageKey {

    String encode();
}
