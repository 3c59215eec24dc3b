package dev.herald.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageGroupingTest {

    private record Event(String name, String aggregate, List<String> channels) {
        Event(String name, String aggregate) {
            this(name, aggregate, List.of("global"));
        }
    }

    private static List<List<String>> group(List<Event> events, int max) {
        return MessageGrouping.group(events, e -> Optional.ofNullable(e.aggregate()), Event::channels, max).stream()
                .map(run -> run.stream().map(Event::name).toList()).toList();
    }

    @Test
    void eventsOfOneAggregateShareOneMessageInPublishOrder() {
        assertEquals(List.of(List.of("a1", "a2", "a3")),
                group(List.of(new Event("a1", "A"), new Event("a2", "A"), new Event("a3", "A")), 100));
    }

    @Test
    void differentAggregatesNeverShareAMessage() {
        assertEquals(List.of(List.of("a1", "a2"), List.of("b1"), List.of("n1", "n2")),
                group(List.of(new Event("a1", "A"), new Event("b1", "B"), new Event("n1", null), new Event("a2", "A"),
                        new Event("n2", null)), 100));
    }

    @Test
    void aChannelChangeStartsANewMessageWithoutReordering() {
        List<Event> events = List.of(new Event("a1", "A"), new Event("a2", "A", List.of("global", "emailservice::v7")),
                new Event("a3", "A"));
        assertEquals(List.of(List.of("a1"), List.of("a2"), List.of("a3")), group(events, 100));
    }

    @Test
    void aFullMessageStartsTheNext() {
        List<Event> events = List.of(new Event("1", "A"), new Event("2", "A"), new Event("3", "A"), new Event("4", "A"),
                new Event("5", "A"));
        assertEquals(List.of(List.of("1", "2"), List.of("3", "4"), List.of("5")), group(events, 2));
    }

    @Test
    void noEventsNoMessages() {
        assertEquals(List.of(), group(List.of(), 10));
    }

    @Test
    void aMessageHoldsAtLeastOneEvent() {
        assertThrows(IllegalArgumentException.class, () -> group(List.of(new Event("1", "A")), 0));
    }
}
