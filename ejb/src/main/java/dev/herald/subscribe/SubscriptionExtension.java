package dev.herald.subscribe;

import dev.herald.events.EventType;
import dev.herald.events.HeraldEvent;
import dev.herald.events.ReceivedEvent;
import dev.herald.events.Subscribe;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

/**
 * Discovers the subscribers at start-up: every observer method of {@link ReceivedEvent} must carry
 * {@link Subscribe} and nothing else, be synchronous and always notified; the deployment fails otherwise, naming
 * the method. An unqualified {@code @Observes ReceivedEvent} is refused because it would receive every delivery of
 * every subscriber. An observer of a typed event record with {@link Subscribe} is a subscriber of the record's type
 * under the same rules; one without it is an ordinary CDI observer and left alone.
 */
public class SubscriptionExtension implements Extension {

    private final List<Subscription> found = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    void observer(@Observes ProcessObserverMethod<?, ?> event) {
        ObserverMethod<?> method = event.getObserverMethod();
        Class<?> typed = method.getObservedType() instanceof Class<?> c && HeraldEvent.class.isAssignableFrom(c)
                && c.isAnnotationPresent(EventType.class) ? c : null;
        boolean subscribed = method.getObservedQualifiers().stream().anyMatch(Subscribe.class::isInstance);
        if (method.getObservedType() == ReceivedEvent.class || (typed != null && subscribed)) {
            inspect(event, method, typed);
        }
    }

    private void inspect(ProcessObserverMethod<?, ?> event, ObserverMethod<?> method, Class<?> typed) {
        String name = describe(event.getAnnotatedMethod(), method);
        String kind = typed == null ? "a ReceivedEvent observer" : "a subscriber of " + typed.getSimpleName();
        Subscribe subscribe = null;
        for (Annotation qualifier : method.getObservedQualifiers()) {
            if (qualifier instanceof Subscribe s) {
                subscribe = s;
            } else {
                problems.add(name + ": " + kind + " takes @Subscribe as its only qualifier, not " + qualifier);
            }
        }
        if (subscribe == null) {
            problems.add(name + ": a ReceivedEvent observer needs @Subscribe(id = ..., types = ...)");
            return;
        }
        if (typed != null && subscribe.types().length > 0) {
            problems.add(name + ": a typed observer's event type is its record's; leave @Subscribe(types) empty");
        }
        if (method.isAsync()) {
            problems.add(name + ": use @Observes, not @ObservesAsync: Herald runs each observer on its own thread already");
        }
        if (method.getReception() == Reception.IF_EXISTS) {
            problems.add(name + ": notifyObserver = IF_EXISTS would skip deliveries silently");
        }
        synchronized (found) {
            found.add(typed == null ? Subscription.of(subscribe, name) : Subscription.typed(subscribe, name, typed));
        }
    }

    void check(@Observes AfterBeanDiscovery event) {
        problems.addAll(Subscriptions.problems(found));
        problems.forEach(p -> event.addDefinitionError(new IllegalStateException(p)));
    }

    /** Every subscription discovered, in discovery order. */
    public Subscriptions subscriptions() {
        synchronized (found) {
            return Subscriptions.of(found);
        }
    }

    private static String describe(AnnotatedMethod<?> annotated, ObserverMethod<?> method) {
        if (annotated != null) {
            return annotated.getJavaMember().getDeclaringClass().getName() + "." + annotated.getJavaMember().getName();
        }
        return method.getBeanClass().getName() + " (synthetic observer)";
    }
}
