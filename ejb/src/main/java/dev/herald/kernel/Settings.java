package dev.herald.kernel;

import java.time.Duration;

/**
 * The checks the features' settings records share. Each feature has one settings record (e.g.
 * {@code dev.herald.subscribe.SubscriberSettings}) holding its {@code herald.*} property names and their defaults as
 * constants, the one place a default is written; a bad value fails the deployment with a message naming the property.
 */
public final class Settings {

    private Settings() {
    }

    /** The duration, when positive. */
    public static Duration positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be a positive duration, was " + value);
        }
        return value;
    }

    /** The count, when at least {@code min}. */
    public static int atLeast(String property, int min, int value) {
        if (value < min) {
            throw new IllegalArgumentException(property + " must be " + min + " or more, was " + value);
        }
        return value;
    }

    /** The text, when not null (a blank text is a value: the feature decides what it means). */
    public static String required(String property, String value) {
        if (value == null) {
            throw new IllegalArgumentException(property + " must be set");
        }
        return value;
    }
}
