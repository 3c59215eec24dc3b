package dev.herald.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    @Test
    void noneDisablesTrimming() {
        assertFalse(RetentionPolicy.none().trims());
        assertEquals(RetentionPolicy.none(), new RetentionPolicy(Optional.empty(), Optional.empty()));
        assertEquals("no retention", RetentionPolicy.none().toString());
    }

    @Test
    void eitherRuleEnablesTrimming() {
        assertTrue(RetentionPolicy.maxLength(1000).trims());
        assertTrue(RetentionPolicy.maxAge(Duration.ofDays(7)).trims());
        RetentionPolicy both = RetentionPolicy.maxLength(1000).withMaxAge(Duration.ofDays(7));
        assertEquals(Optional.of(1000L), both.maxLength());
        assertEquals(Optional.of(Duration.ofDays(7)), both.maxAge());
        assertEquals("retention max-length=1000 max-age=PT168H", both.toString());
    }

    @Test
    void lengthBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.maxLength(0));
        assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.maxLength(-5));
    }

    @Test
    void nonPositiveAgeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.maxAge(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RetentionPolicy.maxAge(Duration.ofSeconds(-1)));
    }

    @Test
    void missingOptionalsAreRefused() {
        assertThrows(NullPointerException.class, () -> new RetentionPolicy(null, Optional.empty()));
        assertThrows(NullPointerException.class, () -> new RetentionPolicy(Optional.empty(), null));
    }
}
