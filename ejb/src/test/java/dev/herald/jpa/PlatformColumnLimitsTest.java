package dev.herald.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.persistence.ColumnLimits;
import dev.herald.publish.PublishedKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformColumnLimitsTest {

    @Test
    void anIdempotencyKeysLimitIsItsColumn() {
        assertEquals(Optional.of(200), ColumnLimits.of(PublishedKey.class).maxLength("idempotencyKey"));
    }
}
