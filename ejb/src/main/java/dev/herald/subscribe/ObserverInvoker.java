package dev.herald.subscribe;

import dev.herald.events.ReceivedEvent;
/** Runs the observer of one subscriber with an event; whatever the observer throws comes out. */
@FunctionalInterface
public interface ObserverInvoker {

    void invoke(Subscription subscription, ReceivedEvent event);
}
