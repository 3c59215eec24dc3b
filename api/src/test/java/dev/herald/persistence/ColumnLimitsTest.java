package dev.herald.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import jakarta.persistence.Lob;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColumnLimitsTest {

    static class Entry {
        @Column(name = "TITLE", length = 5)
        String title;
        String unannotated;
        @Lob
        @Column(name = "BODY")
        String body;
        @Column(name = "CUSTOM", columnDefinition = "CLOB")
        String custom;
        @Column(name = "COUNT")
        int count;

        Entry(String title, String unannotated, String body) {
            this.title = title;
            this.unannotated = unannotated;
            this.body = body;
        }
    }

    @Test
    void limitsComeFromTheColumnOrJpasDefault() {
        ColumnLimits limits = ColumnLimits.of(Entry.class);
        assertEquals(Optional.of(5), limits.maxLength("title"));
        assertEquals(Optional.of(255), limits.maxLength("unannotated"));
        assertEquals(Optional.empty(), limits.maxLength("body"), "a lob has no length");
        assertEquals(Optional.empty(), limits.maxLength("custom"), "a column of its own definition");
        assertEquals(Optional.empty(), limits.maxLength("count"));
    }

    @Test
    void theFirstFieldLongerThanItsColumnIsNamedWithItsLimit() {
        ValueTooLongException tooLong = ColumnLimits.of(Entry.class).firstOverflow(new Entry("123456", null, "x".repeat(10_000))).orElseThrow();
        assertEquals("title", tooLong.field());
        assertEquals(5, tooLong.maxLength());
        assertEquals(6, tooLong.length());
        assertEquals("Entry", tooLong.entity());
    }

    @Test
    void valuesThatFitAndNullsPass() {
        assertTrue(ColumnLimits.of(Entry.class).firstOverflow(new Entry("12345", "y".repeat(255), null)).isEmpty());
    }

    @Test
    void theEntityListenerRefusesAnOverflow() {
        ValueTooLongException refused = assertThrows(ValueTooLongException.class,
                () -> new ColumnLengthCheck().fitsItsColumns(new Entry("ok", "y".repeat(256), null)));
        assertEquals("unannotated", refused.field());
    }
}
