package dev.herald.persistence;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/**
 * The default entity listener of the persistence unit (META-INF/orm.xml): every entity is checked against its
 * {@link ColumnLimits} before it is written, so an over-long string is a {@link ValueTooLongException} naming the field
 * instead of the database's truncation error, whichever service wrote it.
 */
public class ColumnLengthCheck {

    @PrePersist
    @PreUpdate
    public void fitsItsColumns(Object entity) {
        ColumnLimits.of(entity.getClass()).firstOverflow(entity).ifPresent(overflow -> {
            throw overflow;
        });
    }
}
