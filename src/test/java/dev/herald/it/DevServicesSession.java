package dev.herald.it;

import dev.herald.devservices.DevServices;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real broker, Redis and (for -Dherald.it.db=postgres) PostgreSQL before any test, on the ports the
 * build reserved and wrote into the Liberty server's bootstrap properties, and stops them when the tests end.
 */
public class DevServicesSession implements LauncherSessionListener {

    private static volatile DevServices services;

    public static DevServices services() {
        if (services == null) {
            throw new IllegalStateException("dev services are not running: is the launcher session listener registered?");
        }
        return services;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (services != null || System.getProperty("it.broker.port") == null) {
            return;
        }
        boolean postgres = "postgres".equals(System.getProperty("herald.it.db"));
        try {
            services = DevServices.start(new DevServices.Settings(
                    Path.of(System.getProperty("herald.it.dataDir", "target/it-data")).toAbsolutePath(),
                    Integer.getInteger("it.broker.port"),
                    Integer.getInteger("it.redis.port"),
                    postgres ? Integer.getInteger("it.pg.port") : 0,
                    // No AOF: it-data outlives a run and the tests expect a fresh Redis each session (and after
                    // RedisOutageIT's, PublishingIT's and SubscriberIT's restarts, an empty one, as before).
                    false));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the dev services for the integration tests", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (services != null) {
            try {
                services.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the dev services", e);
            } finally {
                services = null;
            }
        }
    }
}
