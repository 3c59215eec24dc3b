package dev.herald.events;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Subscribes a CDI observer method to events on Herald's Redis streams, either typed (the type is the record's):
 * <pre>
 * void onTicket(@Observes @Subscribe(id = "ticket-notifications") TicketCreated event)
 * </pre>
 * or as {@link ReceivedEvent}, with the envelope and the JSON payload, for one or more types:
 * <pre>
 * void onTicket(@Observes @Subscribe(id = "ticket-audit", types = {"TICKET_CREATED", "TICKET_CLOSED"}) ReceivedEvent event)
 * </pre>
 * The observer is discovered when the application starts; nothing else registers it.
 *
 * <p>Only {@link #id()} is binding. Herald delivers an entry to each subscriber separately, by firing the event
 * with {@code Subscribe.Literal.of(id)}: the qualifier matches exactly the one observer that carries that id (ids
 * are unique, the extension refuses a duplicate), so every observer runs on its own thread, under its own timeout,
 * and its failure is its own. The lone observer of an entry runs on the thread that delivers that entry's ordering
 * key, inside the container call that runs those deliveries: a {@code @RequestScoped} bean it uses may live across
 * several events, so keep per-event state in the method or in {@code @Dependent} beans.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Subscribe {

    /** The stable subscriber id: the dedupe key of its deliveries and the name in dead-letter reasons. */
    String id();

    /**
     * Event types, SCREAMING_SNAKE_CASE, e.g. {@code TICKET_CREATED}: required for a {@link ReceivedEvent} observer;
     * a typed observer's type is its record's, so it leaves this empty.
     */
    @Nonbinding
    String[] types() default {};

    /** The channel whose per-type streams are read. */
    @Nonbinding
    String channel() default "global";

    /**
     * When not empty, only events of these tenants reach the observer; the others count as handled. A tenant is named
     * by its UUID or by a slug the tenant directory maps ({@code herald.tenants}).
     */
    @Nonbinding
    String[] tenants() default {};

    /**
     * When not empty, the name of a boolean configuration property: the subscription is consumed only when it is
     * {@code true} (a subscriber that only some deployments of the application should run, e.g. {@code
     * herald.audit.enabled}).
     */
    @Nonbinding
    String enabledBy() default "";

    /** The qualifier instance that selects the one observer of a subscriber id. */
    final class Literal extends AnnotationLiteral<Subscribe> implements Subscribe {

        private static final long serialVersionUID = 1L;

        private final String id;

        private Literal(String id) {
            this.id = id;
        }

        public static Literal of(String id) {
            return new Literal(id);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String[] types() {
            return new String[0];
        }

        @Override
        public String channel() {
            return "global";
        }

        @Override
        public String[] tenants() {
            return new String[0];
        }

        @Override
        public String enabledBy() {
            return "";
        }
    }
}
