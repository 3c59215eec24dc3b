package dev.herald.devservices;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The development services Herald needs on one machine: an Artemis broker, a Redis server and, when a port is
 * given, a private PostgreSQL cluster. Used by the run profile (as a process) and by the integration tests
 * (in the test JVM).
 */
public final class DevServices implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DevServices.class.getName());

    /** @param redisPersistence Redis keeps an append-only file (true for the run profile; the tests turn it off) */
    public record Settings(Path dataDir, int brokerPort, int redisPort, int postgresPort, boolean redisPersistence) {
        public Settings(Path dataDir, int brokerPort, int redisPort, int postgresPort) {
            this(dataDir, brokerPort, redisPort, postgresPort, true);
        }

        public boolean withPostgres() {
            return postgresPort > 0;
        }
    }

    private final DevBroker broker;
    private final DevRedis redis;
    private final DevPostgres postgres;

    private DevServices(Settings settings) {
        broker = new DevBroker(settings.dataDir().resolve("artemis"), settings.brokerPort());
        redis = new DevRedis(settings.dataDir().resolve("redis"), settings.redisPort(), settings.redisPersistence());
        postgres = settings.withPostgres()
                ? new DevPostgres(settings.dataDir().resolve("postgres"), settings.postgresPort()) : null;
    }

    public static DevServices start(Settings settings) throws Exception {
        DevServices services = new DevServices(settings);
        try {
            services.redis.start();
            services.broker.start();
            if (services.postgres != null) {
                services.postgres.start();
            }
        } catch (Exception e) {
            services.close();
            throw e;
        }
        LOG.info("Herald dev services ready: broker 127.0.0.1:" + settings.brokerPort() + ", redis 127.0.0.1:"
                + settings.redisPort() + (settings.redisPersistence() ? " (AOF)" : " (no persistence)") + (services.postgres != null ? ", postgres 127.0.0.1:" + settings.postgresPort() : ""));
        return services;
    }

    public DevBroker broker() {
        return broker;
    }

    public DevRedis redis() {
        return redis;
    }

    public java.util.Optional<DevPostgres> postgres() {
        return java.util.Optional.ofNullable(postgres);
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (AutoCloseable service : new AutoCloseable[] {postgres, broker, redis}) {
            try {
                if (service != null) {
                    service.close();
                }
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        Settings settings = new Settings(Path.of(options.getOrDefault("data-dir", "target/dev-data")).toAbsolutePath(),
                Integer.parseInt(options.getOrDefault("broker-port", "61616")),
                Integer.parseInt(options.getOrDefault("redis-port", "6379")),
                Integer.parseInt(options.getOrDefault("postgres-port", "0")),
                Boolean.parseBoolean(options.getOrDefault("redis-persistence", "true")));
        DevServices services = start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                services.close();
            } catch (Exception e) {
                LOG.warning("stopping dev services: " + e);
            } finally {
                stopped.countDown();
            }
        }, "dev-services-shutdown"));
        stopped.await();
    }
}
