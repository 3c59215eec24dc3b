package dev.herald.kernel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one injectable {@link Clock} of the platform: {@code @Inject Clock clock}, millisecond ticks, UTC. */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return WireTime.CLOCK;
    }
}
