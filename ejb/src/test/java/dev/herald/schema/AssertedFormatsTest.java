package dev.herald.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssertedFormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T07:41:51.792Z", "2026-11-23T07:41:51Z", "2024-02-29T23:59:60+14:00",
            "2026-01-01T00:00:00.123456789-05:30", "2026-11-23t07:41:51z"})
    void acceptsRfc3339DateTimes(String text) {
        assertTrue(AssertedFormats.isDateTime(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T07:41:51.792", "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T07:60:00Z", "2026-11-23T07:41:61Z",
            "2026-11-23T07:41:51+24:00", "2026-11-23T07:41:51+01:60", "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z",
            "2026-11-23 07:41:51Z", "yesterday"})
    void refusesAnythingElse(String text) {
        assertFalse(AssertedFormats.isDateTime(text), text);
    }
}
