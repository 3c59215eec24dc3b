package dev.herald.versions;

/** An event is needed in a version no registered upcaster or downcaster leads to. */
public class MissingConverterException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String eventType;
    private final int from;
    private final int to;

    public MissingConverterException(String eventType, int from, int to) {
        super("no " + (to > from ? "upcaster" : "downcaster") + " turns " + eventType + " v" + from + " into v" + to
                + " (register an " + (to > from ? "Upcaster" : "Downcaster") + " bean with eventType() = \"" + eventType
                + "\" and fromVersion() = " + from + ")");
        this.eventType = eventType;
        this.from = from;
        this.to = to;
    }

    public String eventType() {
        return eventType;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }
}
