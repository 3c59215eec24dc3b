package dev.herald.events;

/** One reason an event was refused: where in the event (a JSON pointer) and what is wrong there. */
public record EventIssue(String pointer, String message) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
