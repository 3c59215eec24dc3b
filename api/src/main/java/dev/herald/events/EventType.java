package dev.herald.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The event type and schema version a {@link HeraldEvent} record stands for. An annotation rather than accessor
 * methods, because some payloads have fields of their own called {@code eventType} or {@code eventName}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The type name, SCREAMING_SNAKE_CASE, e.g. {@code TICKET_CREATED}. */
    String name();

    /** The payload schema's version. */
    int version();
}
