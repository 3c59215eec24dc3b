package dev.herald.relay;

import dev.herald.publish.CarriedEvent;
import java.util.List;

/**
 * A message's relay failed after some of its script calls had succeeded (each call is atomic, the calls of one message
 * are not atomic together). Carries the units those calls wrote, so that they are counted once, now: the redelivery
 * that completes the message skips them.
 */
public final class PartlyRelayedException extends RuntimeException {

    private final transient List<CarriedEvent> written;

    PartlyRelayedException(List<CarriedEvent> written, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.written = List.copyOf(written);
    }

    /** One element per (event, channel) unit whose per-type stream entry was written before the failure. */
    public List<CarriedEvent> written() {
        return written;
    }
}
