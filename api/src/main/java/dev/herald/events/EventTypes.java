package dev.herald.events;

/** Reads the type name and version a typed event record declares. */
public final class EventTypes {

    private EventTypes() {
    }

    /** @throws IllegalArgumentException when the class is not annotated with {@link EventType} */
    public static EventType of(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a typed event: it has no @EventType");
        }
        return type;
    }

    public static String nameOf(HeraldEvent event) {
        return of(event.getClass()).name();
    }
}
