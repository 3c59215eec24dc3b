package dev.herald.events;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An event that cannot be published as given; it lists every issue found, and nothing was sent. It does not mark
 * the caller's transaction for rollback: whether to go on without the event is the caller's decision.
 */
@ApplicationException(rollback = false)
public class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String eventType;
    private final List<EventIssue> issues;

    public InvalidEventException(String eventType, List<EventIssue> issues) {
        super("invalid " + eventType + " event: " + issues.stream().map(EventIssue::toString).collect(Collectors.joining("; ")));
        this.eventType = eventType;
        this.issues = List.copyOf(issues);
    }

    public String eventType() {
        return eventType;
    }

    public List<EventIssue> issues() {
        return issues;
    }
}
