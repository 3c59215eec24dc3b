package dev.herald.subscribe;

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
    Event<ReceivedEvent> events;

    @Override
    public void invoke(Subscription subscription, ReceivedEvent event) {
        events.select(Subscribe.Literal.of(subscription.id())).fire(event);
    }
}
