package dev.herald.subscribe;

import dev.herald.events.ReceivedEvent;
import dev.herald.events.Subscribe;
import dev.herald.schema.SchemaRegistry;
import dev.herald.versions.EventVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Invokes one subscriber's observer by firing the event with the qualifier {@code @Subscribe(id = ...)}: only the
 * id is binding and ids are unique, so exactly that observer is notified, synchronously, on the calling thread.
 */
@ApplicationScoped
public class CdiObserverInvoker implements ObserverInvoker {

    @Inject
    Event<Object> events;

    @Inject
    EventVersions versions;

    @Inject
    SchemaRegistry registry;

    /**
     * A typed observer gets the payload bound to its record, upcast first when the record is of a later version than
     * the entry ({@link Subscription#inObservedVersion}); a payload that does not convert or bind fails the delivery.
     */
    @Override
    public void invoke(Subscription subscription, ReceivedEvent event) {
        Subscribe.Literal qualifier = Subscribe.Literal.of(subscription.id());
        if (subscription.isTyped()) {
            ReceivedEvent observed = subscription.inObservedVersion(event, versions, registry);
            fire(subscription.observed(), observed.bind(subscription.observed()), qualifier);
        } else {
            events.select(ReceivedEvent.class, qualifier).fire(event);
        }
    }

    private <T> void fire(Class<T> type, Object payload, Subscribe.Literal qualifier) {
        events.select(type, qualifier).fire(type.cast(payload));
    }
}
