package dev.herald.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Stores every {@code Instant} attribute as a SQL TIMESTAMP. EclipseLink 4.0 (Liberty's persistence-3.1) maps
 * {@code Instant} to a serialized BLOB on Derby (BYTEA on PostgreSQL), which cannot be ordered or compared in a
 * query: {@code ORDER BY lastFailedAt} failed on Derby and would sort bytes on PostgreSQL.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
