package dev.herald.kernel;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a start-up step that two servers starting together on one database may collide in (the second to commit fails
 * on the first one's rows), again until it succeeds, a bounded number of times: an attempt after the other server's
 * commit finds its work done. Each attempt must be idempotent and atomic (its own transaction).
 */
public final class StartupRetry {

    /** One attempt of the step. */
    @FunctionalInterface
    public interface Attempt {
        void run() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(StartupRetry.class.getName());

    private final String step;
    private final int attempts;
    private final Duration backoff;

    /** @param backoff the wait after the first failed attempt; it grows by as much after each further one */
    public StartupRetry(String step, int attempts, Duration backoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more, was " + attempts);
        }
        this.step = step;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /** @throws IllegalStateException with the last attempt's failure as its cause, when every attempt failed */
    public void run(Attempt attempt) throws InterruptedException {
        for (int n = 1; ; n++) {
            try {
                attempt.run();
                return;
            } catch (Exception e) {
                if (n == attempts) {
                    throw new IllegalStateException(step + " failed after " + attempts + " attempts: " + e.getMessage(), e);
                }
                LOG.log(Level.WARNING, step + ": attempt " + n + " of " + attempts + " failed (another server doing the"
                        + " same at the same time?); retrying", e);
                Thread.sleep(backoff.toMillis() * n);
            }
        }
    }
}
