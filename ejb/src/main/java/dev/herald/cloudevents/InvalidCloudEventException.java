package dev.herald.cloudevents;

import java.util.List;

/**
 * A CloudEvent that is not one by the CloudEvents 1.0 specification, or not one Herald can publish (data that is not
 * a JSON object): every issue names its attribute. The HTTP API answers it as a 400 problem.
 */
public class InvalidCloudEventException extends RuntimeException {

    private final transient List<AttributeIssue> issues;

    public InvalidCloudEventException(List<AttributeIssue> issues) {
        super(issues.isEmpty() ? "invalid CloudEvent" : issues.get(0) + (issues.size() == 1 ? "" : " (and " + (issues.size() - 1) + " more)"));
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("an invalid CloudEvent has at least one issue");
        }
        this.issues = List.copyOf(issues);
    }

    public List<AttributeIssue> issues() {
        return issues;
    }

    /** The attribute of the first issue. */
    public String attribute() {
        return issues.get(0).attribute();
    }
}
