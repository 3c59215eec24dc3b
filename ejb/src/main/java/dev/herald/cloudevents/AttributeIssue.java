package dev.herald.cloudevents;

/** One context attribute (or {@code data}) of a CloudEvent that breaks the CloudEvents 1.0 rules: which, and why. */
public record AttributeIssue(String attribute, String message) {

    @Override
    public String toString() {
        return attribute + ": " + message;
    }
}
