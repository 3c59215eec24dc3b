package dev.herald.schema;

import dev.herald.events.EventIssue;

/**
 * One reason a payload does not match its schema: where (a JSON pointer into the payload, {@code ""} for the
 * payload itself), which schema keyword refused it, and a sentence a person can act on.
 */
public record SchemaIssue(String pointer, String keyword, String message) {

    /** For the publishing side, whose issues carry no keyword: the message already says what is wrong. */
    public EventIssue toEventIssue() {
        return new EventIssue(pointer, message);
    }

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message + " [" + keyword + "]";
    }
}
