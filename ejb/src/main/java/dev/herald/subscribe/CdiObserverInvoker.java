package dev.herald.subscribe;

import dev.herald.events.ReceivedEvent;
import dev.herald.events.Subscribe;
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

    /** A typed observer gets the payload bound to its record; a payload that does not bind fails the delivery. */
    @Override
    public void invoke(Subscription subscription, ReceivedEvent event) {
        Subscribe.Literal qualifier = Subscribe.Literal.of(subscription.id());
        if (subscription.isTyped()) {
            fire(subscription.observed(), event.bind(subscription.observed()), qualifier);
        } else {
            events.select(ReceivedEvent.class, qualifier).fire(event);
        }
    }

    private <T> void fire(Class<T> type, Object payload, Subscribe.Literal qualifier) {
        events.select(type, qualifier).fire(type.cast(payload));
    }
}
