package dev.herald.versions;

import dev.herald.events.Downcaster;
import dev.herald.events.Upcaster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The application's {@link EventVersions} from every {@link Upcaster} and {@link Downcaster} bean, and its
 * {@link WireVersions} from {@code herald.wire.versions}, checked against them: a version put on the wire must be
 * reachable from v1 by upcasters. {@code @Singleton}: the values are final classes and records.
 */
@ApplicationScoped
public class EventVersionsProducer {

    private static final Logger LOG = Logger.getLogger(EventVersionsProducer.class.getName());

    @Produces
    @Singleton
    EventVersions versions(@Any Instance<Upcaster> upcasters, @Any Instance<Downcaster> downcasters) {
        return new EventVersions(List.copyOf(upcasters.stream().toList()), List.copyOf(downcasters.stream().toList()));
    }

    @Produces
    @Singleton
    WireVersions wire(Config config, EventVersions versions) {
        return WireVersions.from(config).checkedAgainst(versions);
    }

    /**
     * Reads and checks {@code herald.wire.versions} when the application starts, so that a wrong value fails the
     * deployment naming the property rather than the first publish.
     */
    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object started, WireVersions wire) {
        LOG.info(() -> "herald.wire.versions: " + (wire.byType().isEmpty() ? "every type as v1 only" : wire.byType()));
    }
}
