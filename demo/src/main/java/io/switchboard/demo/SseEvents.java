package io.switchboard.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Server-Sent Events wire format (WHATWG HTML, "Parsing an event stream"), fed one line at a time: {@code data:}
 * lines are joined with a newline, a blank line dispatches the event, lines starting with {@code :} are comments
 * (heartbeats), {@code event:} names it, one space after the colon is dropped, other fields are ignored.
 */
public final class SseEvents {

    /** One dispatched event: its type ({@code message} unless named) and its data. */
    public record Event(String type, String data) {
    }

    private final List<String> data = new ArrayList<>();
    private String type = "";

    /** The event this line completes, if it is the blank line ending one with data. */
    public Optional<Event> line(String line) {
        if (line.isEmpty()) {
            Optional<Event> event = data.isEmpty() ? Optional.empty()
                    : Optional.of(new Event(type.isEmpty() ? "message" : type, String.join("\n", data)));
            data.clear();
            type = "";
            return event;
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> data.add(value);
            case "event" -> type = value;
            default -> { } // id, retry: the demo never reconnects with Last-Event-ID
        }
        return Optional.empty();
    }
}
