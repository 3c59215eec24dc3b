package dev.herald.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamplingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String WORKFLOW = "workflow:events:global";

    private static StreamBacklog stream(String key, long lag) {
        return new StreamBacklog(key, Optional.empty(), Optional.empty(), 10, 0,
                List.of(new GroupBacklog("g", 1, lag, false, 0, "0-0")));
    }

    @Test
    void beforeTheFirstSampleNothingIsKnown() {
        OperationsSnapshot none = new Sampling(WORKFLOW, "wf").latest();
        assertEquals(List.of(), none.streams());
        assertEquals(Optional.empty(), none.queue());
        assertEquals(Optional.empty(), none.triggerBacklog());
    }

    @Test
    void aSampleKeepsTheStreamsAndTheQueueItRead() {
        Sampling sampling = new Sampling(WORKFLOW, "wf");
        OperationsSnapshot snapshot = sampling.sample(T0, errors -> List.of(stream("a", 3)), () -> new QueueCounts(4, 1));

        assertEquals(T0, snapshot.sampledAt());
        assertEquals(3, snapshot.group("a", "g").orElseThrow().lag());
        assertEquals(Optional.of(new QueueCounts(4, 1)), snapshot.queue());
        assertEquals(List.of(), snapshot.errors());
        assertEquals(snapshot, sampling.latest());
    }

    @Test
    void whatCouldNotBeReadKeepsItsPreviousFiguresAndSaysWhy() {
        Sampling sampling = new Sampling(WORKFLOW, "wf");
        sampling.sample(T0, errors -> List.of(stream("a", 3), stream("b", 7)), () -> new QueueCounts(4, 1));

        OperationsSnapshot redisDown = sampling.sample(T0.plusSeconds(5), errors -> {
            throw new IllegalStateException("Redis away");
        }, () -> {
            throw new IllegalStateException("lock timeout");
        });
        assertEquals(List.of("a", "b"), redisDown.streams().stream().map(StreamBacklog::stream).toList());
        assertEquals(Optional.of(new QueueCounts(4, 1)), redisDown.queue());
        assertEquals(2, redisDown.errors().size(), redisDown.errors().toString());
        assertTrue(sampling.errorsBegan());

        OperationsSnapshot oneStreamFailed = sampling.sample(T0.plusSeconds(10), errors -> {
            errors.add("b: WRONGTYPE");
            return List.of(stream("a", 0));
        }, () -> new QueueCounts(0, 1));
        assertEquals(0, oneStreamFailed.group("a", "g").orElseThrow().lag());
        assertEquals(7, oneStreamFailed.group("b", "g").orElseThrow().lag(), "b keeps its last figure");
        assertFalse(sampling.errorsBegan(), "the errors went on: said once");
    }
}
