package dev.herald.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateHistoryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void eachStepIsTheCountersIncreaseOverTheMeasuredSeconds() {
        RateHistory history = new RateHistory(10);
        history.record(T0, new EventCounts(100, 200, 50));
        history.record(T0.plusSeconds(10), new EventCounts(150, 300, 50));
        history.record(T0.plusSeconds(25), new EventCounts(180, 330, 80)); // a late tick: 15 s measured

        List<RatePoint> points = history.points();
        assertEquals(List.of(new RatePoint(T0.plusSeconds(10), 10, 5, 10, 0),
                new RatePoint(T0.plusSeconds(25), 15, 2, 2, 2)), points);
    }

    @Test
    void theOldestPointsLeaveWhenTheRingIsFull() {
        RateHistory history = new RateHistory(2);
        for (int i = 0; i <= 4; i++) {
            history.record(T0.plusSeconds(10L * i), new EventCounts(i * 10L, 0, 0));
        }
        assertEquals(List.of(T0.plusSeconds(30), T0.plusSeconds(40)), history.points().stream().map(RatePoint::at).toList());
    }

    @Test
    void countersThatWentDownYieldNoPointRatherThanANegativeRate() {
        RateHistory history = new RateHistory(10);
        history.record(T0, new EventCounts(100, 100, 100));
        history.record(T0.plusSeconds(10), new EventCounts(5, 5, 5)); // redeployed: the counters restarted
        history.record(T0.plusSeconds(20), new EventCounts(15, 25, 5));

        assertEquals(List.of(new RatePoint(T0.plusSeconds(20), 10, 1, 2, 0)), history.points());
    }
}
