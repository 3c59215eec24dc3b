package dev.herald.subscribe;

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
 * every subscriber.
 */
public class SubscriptionExtension implements Extension {

    private final List<Subscription> found = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    void observer(@Observes ProcessObserverMethod<ReceivedEvent, ?> event) {
        ObserverMethod<ReceivedEvent> method = event.getObserverMethod();
        String name = describe(event.getAnnotatedMethod(), method);
        Subscribe subscribe = null;
        for (Annotation qualifier : method.getObservedQualifiers()) {
            if (qualifier instanceof Subscribe s) {
                subscribe = s;
            } else {
                problems.add(name + ": a ReceivedEvent observer takes @Subscribe as its only qualifier, not " + qualifier);
            }
        }
        if (subscribe == null) {
            problems.add(name + ": a ReceivedEvent observer needs @Subscribe(id = ..., types = ...)");
            return;
        }
        if (method.isAsync()) {
            problems.add(name + ": use @Observes, not @ObservesAsync: Herald runs each observer on its own thread already");
        }
        if (method.getReception() == Reception.IF_EXISTS) {
            problems.add(name + ": notifyObserver = IF_EXISTS would skip deliveries silently");
        }
        synchronized (found) {
            found.add(Subscription.of(subscribe, name));
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
