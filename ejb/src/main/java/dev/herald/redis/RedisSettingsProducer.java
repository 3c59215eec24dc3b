package dev.herald.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The application's {@link RedisSettings}, read once from MicroProfile Config, and their {@link RedisKeys}.
 * {@code @Singleton}, not {@code @ApplicationScoped}: a record is final, so it cannot have a client proxy.
 */
@ApplicationScoped
public class RedisSettingsProducer {

    @Produces
    @Singleton
    RedisSettings settings(Config config) {
        return RedisSettings.from(config);
    }

    @Produces
    @Singleton
    RedisKeys keys(RedisSettings settings) {
        return settings.keys();
    }
}
