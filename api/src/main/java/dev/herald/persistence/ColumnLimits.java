package dev.herald.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Lob;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The longest string each field of an entity may hold, read from its JPA mapping ({@code @Column(length)}, 255 when
 * the column leaves it unsaid, no limit for a {@code @Lob} or a column of its own SQL definition). The mapping is the
 * one place the limits are written down, so checks against it cannot drift from the schema the database was given.
 */
public final class ColumnLimits {

    /** JPA's default length of a string column. */
    static final int DEFAULT_LENGTH = 255;

    private static final Map<Class<?>, ColumnLimits> BY_CLASS = new ConcurrentHashMap<>();

    private final Map<Field, Integer> limits;

    private ColumnLimits(Map<Field, Integer> limits) {
        this.limits = limits;
    }

    public static ColumnLimits of(Class<?> entityClass) {
        return BY_CLASS.computeIfAbsent(entityClass, ColumnLimits::read);
    }

    /** The limit of one field of the entity class; empty when it has none. */
    public Optional<Integer> maxLength(String fieldName) {
        return limits.entrySet().stream().filter(e -> e.getKey().getName().equals(fieldName)).map(Map.Entry::getValue).findFirst();
    }

    /**
     * The first string field of the entity longer than its column.
     *
     * @return empty when every field fits
     */
    public Optional<ValueTooLongException> firstOverflow(Object entity) {
        for (Map.Entry<Field, Integer> limit : limits.entrySet()) {
            Object value = read(limit.getKey(), entity);
            if (value instanceof String text && text.length() > limit.getValue()) {
                return Optional.of(new ValueTooLongException(entity.getClass().getSimpleName(), limit.getKey().getName(),
                        limit.getValue(), text.length()));
            }
        }
        return Optional.empty();
    }

    private static ColumnLimits read(Class<?> entityClass) {
        Map<Field, Integer> limits = new LinkedHashMap<>();
        for (Class<?> c = entityClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                limitOf(field).ifPresent(limit -> {
                    field.setAccessible(true);
                    limits.put(field, limit);
                });
            }
        }
        return new ColumnLimits(limits);
    }

    private static Optional<Integer> limitOf(Field field) {
        if (field.getType() != String.class || field.isAnnotationPresent(Lob.class)
                || java.lang.reflect.Modifier.isStatic(field.getModifiers())
                || java.lang.reflect.Modifier.isTransient(field.getModifiers())
                || field.isAnnotationPresent(jakarta.persistence.Transient.class)) {
            return Optional.empty();
        }
        Column column = field.getAnnotation(Column.class);
        if (column == null) {
            return Optional.of(DEFAULT_LENGTH);
        }
        return column.columnDefinition().isEmpty() ? Optional.of(column.length()) : Optional.empty();
    }

    private static Object read(Field field, Object entity) {
        try {
            return field.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("field " + field + " was made accessible and still cannot be read", e);
        }
    }
}
