package dev.herald.publish;

import dev.herald.auth.TenantDirectory;
import dev.herald.events.EventIssue;
import dev.herald.events.EventTypes;
import dev.herald.events.HeraldEvent;
import dev.herald.events.InvalidEventException;
import dev.herald.events.Outgoing;
import dev.herald.events.PublishedEvent;
import dev.herald.events.Publisher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** The {@link Publisher} application modules inject: typed events in, the platform's validated publish underneath. */
@ApplicationScoped
public class TypedPublisher implements Publisher {

    @Inject
    EventPublisher publisher;

    @Inject
    TenantDirectory directory;

    private TypedEvents typedEvents;

    @PostConstruct
    void init() {
        typedEvents = TypedEvents.of(directory);
    }

    @Override
    public PublishedEvent publish(String tenant, HeraldEvent event) {
        return publish(tenant, Outgoing.of(event));
    }

    @Override
    public PublishedEvent publish(String tenant, Outgoing event) {
        return publishAll(tenant, List.of(event)).get(0);
    }

    @Override
    public List<PublishedEvent> publishAll(String tenant, List<Outgoing> events) {
        List<DomainEvent> batch = new ArrayList<>(events.size());
        List<EventIssue> issues = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                batch.add(events.get(i) == null ? null : typedEvents.toDomainEvent(tenant, events.get(i)));
            } catch (InvalidEventException e) {
                String prefix = events.size() == 1 ? "" : "/" + i;
                e.issues().forEach(issue -> issues.add(new EventIssue(prefix + issue.pointer(), issue.message())));
            }
        }
        if (!issues.isEmpty()) {
            String type = events.size() == 1 && events.get(0) != null ? EventTypes.nameOf(events.get(0).event()) : "batch";
            throw new InvalidEventException(type, issues);
        }
        return publisher.publishAll(batch).stream().map(TypedEvents::receipt).toList();
    }
}
