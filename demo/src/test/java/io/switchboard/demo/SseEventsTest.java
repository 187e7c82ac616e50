package io.switchboard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SseEventsTest {

    private static List<SseEvents.Event> feed(String stream) {
        SseEvents parser = new SseEvents();
        List<SseEvents.Event> events = new ArrayList<>();
        stream.lines().forEach(line -> parser.line(line).ifPresent(events::add));
        parser.line("").ifPresent(events::add); // end of stream
        return events;
    }

    @Test
    void eachBlankLineDispatchesTheDataBeforeIt() {
        List<SseEvents.Event> events = feed("data: {\"a\":1}\n\ndata: {\"a\":2}\n\n");
        assertEquals(List.of(new SseEvents.Event("message", "{\"a\":1}"), new SseEvents.Event("message", "{\"a\":2}")), events);
    }

    @Test
    void severalDataLinesAreJoinedWithANewline() {
        assertEquals(List.of(new SseEvents.Event("message", "{\"a\":\n1}")), feed("data: {\"a\":\ndata: 1}\n\n"));
    }

    @Test
    void commentsAndHeartbeatsDispatchNothing() {
        assertEquals(List.of(), feed(": heartbeat\n\n:\n\n"));
    }

    @Test
    void onlyOneSpaceAfterTheColonIsDroppedAndNoSpaceIsNeeded() {
        assertEquals(List.of(new SseEvents.Event("message", " x"), new SseEvents.Event("message", "y")),
                feed("data:  x\n\ndata:y\n\n"));
    }

    @Test
    void theEventFieldNamesTheEventAndIdAndRetryAreIgnored() {
        assertEquals(List.of(new SseEvents.Event("progress", "1"), new SseEvents.Event("message", "2")),
                feed("event: progress\nid: 7\nretry: 1000\ndata: 1\n\ndata: 2\n\n"));
    }

    @Test
    void aStreamCutOffBeforeTheBlankLineStillDeliversItsLastEventAtTheEnd() {
        assertEquals(List.of(new SseEvents.Event("message", "last")), feed("data: last"));
    }
}
