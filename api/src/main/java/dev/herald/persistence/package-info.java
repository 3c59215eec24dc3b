/**
 * What Herald offers an application's own JPA entities, beside its events: a string too long for its column is
 * refused naming the field ({@link dev.herald.persistence.ColumnLengthCheck}, a default entity listener in
 * {@code META-INF/orm.xml}), and {@code Instant} attributes are stored as timestamps
 * ({@link dev.herald.persistence.InstantConverter}, listed in the persistence unit).
 */
package dev.herald.persistence;
