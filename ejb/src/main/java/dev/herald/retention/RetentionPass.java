package dev.herald.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one retention pass did, for a health or metrics check.
 *
 * @param startedAt       when the pass began
 * @param duration        how long it took
 * @param streamsExamined streams whose groups were read (including those that failed)
 * @param streamsTrimmed  streams from which at least one entry was removed
 * @param entriesTrimmed  entries removed, summed over the streams (as XTRIM reported)
 * @param errors          one line per failure, {@code "<stream>: <exception>"} (or the listing failure); a failed
 *                        stream is simply retried on the next pass
 * @param skipped         true when the pass did not run (Redis unreachable); {@code errors} says why
 */
public record RetentionPass(Instant startedAt, Duration duration, int streamsExamined, int streamsTrimmed,
                            long entriesTrimmed, List<String> errors, boolean skipped) {

    public RetentionPass {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        errors = List.copyOf(errors);
    }

    public static RetentionPass skipped(Instant at, String reason) {
        return new RetentionPass(at, Duration.ZERO, 0, 0, 0, List.of(reason), true);
    }

    /** True when the pass ran and every stream was handled. */
    public boolean ok() {
        return !skipped && errors.isEmpty();
    }
}
