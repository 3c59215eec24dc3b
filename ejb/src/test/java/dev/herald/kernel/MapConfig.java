package dev.herald.kernel;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** A MicroProfile {@link Config} over a map, for the settings records' {@code from(Config)} without a container. */
public final class MapConfig {

    private MapConfig() {
    }

    /** Answers {@code getOptionalValue} from the map (an empty text is absent, as in MicroProfile Config). */
    public static Config of(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(MapConfig.class.getClassLoader(), new Class<?>[] {Config.class},
                (self, method, args) -> {
                    if (!method.getName().equals("getOptionalValue")) {
                        throw new UnsupportedOperationException("MapConfig." + method.getName());
                    }
                    String text = values.get((String) args[0]);
                    if (text == null || text.isEmpty()) {
                        return Optional.empty();
                    }
                    return Optional.of(convert(text, (Class<?>) args[1]));
                });
    }

    private static Object convert(String text, Class<?> type) {
        if (type == String.class) {
            return text;
        } else if (type == Integer.class) {
            return Integer.valueOf(text.strip());
        } else if (type == Long.class) {
            return Long.valueOf(text.strip());
        } else if (type == Boolean.class) {
            return Boolean.valueOf(text.strip());
        } else if (type == Duration.class) {
            return Duration.parse(text.strip());
        }
        throw new IllegalArgumentException("MapConfig converts no " + type);
    }
}
