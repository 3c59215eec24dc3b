package dev.herald.retention;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How much of a stream Herald may remove, as explicit configuration: keep at most {@code maxLength} entries and/or
 * nothing older than {@code maxAge}. When both are set an entry goes as soon as either rule says so. Either way the
 * consumer-group floor of {@link TrimFloor} caps what is actually removed: retention never outruns a consumer group.
 *
 * @param maxLength keep at most this many of the newest entries (at least 1); empty = no length rule
 * @param maxAge    remove entries whose id time is older than now minus this (positive); empty = no age rule
 */
public record RetentionPolicy(Optional<Long> maxLength, Optional<Duration> maxAge) {

    private static final RetentionPolicy NONE = new RetentionPolicy(Optional.empty(), Optional.empty());

    public RetentionPolicy {
        Objects.requireNonNull(maxLength, "maxLength");
        Objects.requireNonNull(maxAge, "maxAge");
        maxLength.ifPresent(length -> {
            if (length < 1) {
                throw new IllegalArgumentException("Retention max length must be at least 1, was " + length);
            }
        });
        maxAge.ifPresent(age -> {
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("Retention max age must be positive, was " + age);
            }
        });
    }

    /** No retention rule: nothing is ever trimmed. */
    public static RetentionPolicy none() {
        return NONE;
    }

    public static RetentionPolicy maxLength(long maxLength) {
        return new RetentionPolicy(Optional.of(maxLength), Optional.empty());
    }

    public static RetentionPolicy maxAge(Duration maxAge) {
        return new RetentionPolicy(Optional.empty(), Optional.of(maxAge));
    }

    public RetentionPolicy withMaxLength(long length) {
        return new RetentionPolicy(Optional.of(length), maxAge);
    }

    public RetentionPolicy withMaxAge(Duration age) {
        return new RetentionPolicy(maxLength, Optional.of(age));
    }

    /** True when at least one rule is configured. */
    public boolean trims() {
        return maxLength.isPresent() || maxAge.isPresent();
    }

    @Override
    public String toString() {
        if (!trims()) {
            return "no retention";
        }
        StringBuilder text = new StringBuilder("retention");
        maxLength.ifPresent(length -> text.append(" max-length=").append(length));
        maxAge.ifPresent(age -> text.append(" max-age=").append(age));
        return text.toString();
    }
}
