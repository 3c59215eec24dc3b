package dev.herald.operations;

/**
 * Where the rate history reads the event path's counters. The metrics package implements it over the MicroProfile
 * registry; declaring it here keeps this package free of the metrics package, which reads this one for its gauges.
 */
public interface EventTotals {

    EventCounts read();

    /** Counts nothing (no metrics registry). */
    EventTotals NONE = () -> new EventCounts(0, 0, 0);
}
