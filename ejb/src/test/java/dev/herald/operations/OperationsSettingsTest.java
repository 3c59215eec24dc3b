package dev.herald.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.kernel.MapConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsSettingsTest {

    @Test
    void theDefaultRateHistoryKeepsNinetyTenSecondPoints() {
        assertEquals(90, OperationsSettings.defaults().rateSamples());
    }

    @Test
    void aBadValueFailsNamingItsProperty() {
        IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
                () -> OperationsSettings.from(MapConfig.of(Map.of(OperationsSettings.SAMPLE_INTERVAL, "PT0S"))));
        assertTrue(interval.getMessage().contains(OperationsSettings.SAMPLE_INTERVAL), interval.getMessage());
        IllegalArgumentException history = assertThrows(IllegalArgumentException.class,
                () -> new OperationsSettings(Duration.ofSeconds(5), Duration.ofSeconds(9), 10));
        assertTrue(history.getMessage().contains(OperationsSettings.RATE_HISTORY), history.getMessage());
        IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
                () -> OperationsSettings.from(MapConfig.of(Map.of(OperationsSettings.LAG_COUNT_LIMIT, "0"))));
        assertTrue(limit.getMessage().contains(OperationsSettings.LAG_COUNT_LIMIT), limit.getMessage());
    }
}
