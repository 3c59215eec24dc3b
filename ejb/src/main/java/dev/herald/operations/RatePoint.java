package dev.herald.operations;

import java.time.Instant;

/**
 * The event path's rates over one step of the rate history, in events per second: the counters' increase between
 * two samples divided by the seconds between them.
 *
 * @param at        the end of the step (when the second sample was taken)
 * @param seconds   the step's length as measured (about {@link RateHistory#STEP}; a late timer makes it longer)
 */
public record RatePoint(Instant at, double seconds, double published, double relayed, double delivered) {
}
