package dev.herald.workflow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Time columns of the workflow tables are {@code LocalDateTime} in UTC, not {@code Instant}: JPA 3.1 maps
 * LocalDateTime to TIMESTAMP on every database, while EclipseLink 4.0 generates no TIMESTAMP column for Instant on
 * Derby and PostgreSQL (eclipse-ee4j/eclipselink#2191, fixed only in later releases), and replay-until compares
 * these columns in SQL.
 */
final class UtcColumns {

    private UtcColumns() {
    }

    static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant fromColumn(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC);
    }
}
