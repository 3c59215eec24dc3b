package dev.herald.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamIdTest {

    @Test
    void parsesMillisAndSequence() {
        assertEquals(new StreamId(1_700_000_000_000L, 3), StreamId.parse("1700000000000-3"));
        assertEquals(StreamId.MIN, StreamId.parse("0-0"));
    }

    @Test
    void bareMillisMeansSequenceZero() {
        assertEquals(new StreamId(1_700_000_000_000L, 0), StreamId.parse("1700000000000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1-", "-1", "a-1", "1-b", "1-2-3", "+1-0", "1-+2", " 1-0", "1.5-0", "18446744073709551616-0"})
    void rejectsWhatIsNotAStreamId(String text) {
        assertThrows(IllegalArgumentException.class, () -> StreamId.parse(text));
    }

    @Test
    void printsTheWireForm() {
        assertEquals("1700000000000-3", new StreamId(1_700_000_000_000L, 3).toString());
        assertEquals("18446744073709551615-18446744073709551615", StreamId.MAX.toString());
        assertEquals(StreamId.MAX, StreamId.parse(StreamId.MAX.toString()));
    }

    @Test
    void comparesNumericallyNotAsText() {
        assertTrue(StreamId.parse("10-0").isAfter(StreamId.parse("9-0")));
        assertTrue(StreamId.parse("5-10").isAfter(StreamId.parse("5-9")));
        assertTrue(StreamId.parse("5-999").isBefore(StreamId.parse("6-0")));
        assertEquals(0, StreamId.parse("7-1").compareTo(new StreamId(7, 1)));
        assertFalse(StreamId.parse("7-1").isBefore(new StreamId(7, 1)));
    }

    @Test
    void comparesBeyondSignedLongAsUnsigned() {
        StreamId huge = StreamId.parse("18446744073709551614-0");
        assertTrue(huge.isAfter(new StreamId(Long.MAX_VALUE, 0)));
        assertTrue(StreamId.MAX.isAfter(huge));
        assertTrue(StreamId.parse("1-18446744073709551615").isAfter(StreamId.parse("1-0")));
    }

    @Test
    void sortsAsPairs() {
        List<StreamId> ids = new ArrayList<>(List.of(StreamId.parse("2-0"), StreamId.parse("1-10"), StreamId.parse("1-2"),
                StreamId.parse("10-0"), StreamId.MIN));
        Collections.sort(ids);
        assertEquals(List.of(StreamId.MIN, StreamId.parse("1-2"), StreamId.parse("1-10"), StreamId.parse("2-0"),
                StreamId.parse("10-0")), ids);
    }

    @Test
    void nextIncrementsTheSequence() {
        assertEquals(StreamId.parse("5-1"), StreamId.parse("5-0").next());
        assertEquals(StreamId.parse("0-1"), StreamId.MIN.next());
    }

    @Test
    void nextAfterTheLastSequenceMovesToTheNextMillisecond() {
        assertEquals(StreamId.parse("6-0"), StreamId.parse("5-18446744073709551615").next());
        assertThrows(IllegalStateException.class, StreamId.MAX::next);
    }

    @Test
    void previousIsTheLargestIdBelow() {
        assertEquals(StreamId.parse("5-2"), StreamId.parse("5-3").previous());
        assertEquals(new StreamId(4, -1L), StreamId.parse("5-0").previous());
        assertEquals("4-18446744073709551615", StreamId.parse("5-0").previous().toString());
        assertEquals(StreamId.MIN, StreamId.MIN.previous(), "nothing precedes 0-0");
    }

    @Test
    void ofMillisStartsTheMillisecondAndClampsNegatives() {
        assertEquals(StreamId.parse("1234-0"), StreamId.ofMillis(1234));
        assertEquals(StreamId.MIN, StreamId.ofMillis(-5));
    }

    @Test
    void minAndMaxPickByOrder() {
        StreamId a = StreamId.parse("3-1");
        StreamId b = StreamId.parse("3-2");
        assertEquals(a, StreamId.min(a, b));
        assertEquals(a, StreamId.min(b, a));
        assertEquals(b, StreamId.max(a, b));
        assertEquals(b, StreamId.max(b, a));
    }
}
