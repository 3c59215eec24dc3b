package dev.herald.workflow;

import jakarta.ejb.ApplicationException;

/** Only a DEAD queued event can be retried or discarded; this one is in another status. Nothing changed. */
@ApplicationException(rollback = true)
public class EventNotDeadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String eventId;
    private final JournalEntry.ProcessingStatus status;

    public EventNotDeadException(String eventId, JournalEntry.ProcessingStatus status, String action) {
        super("event " + eventId + " is " + status + "; only a DEAD event can be " + action);
        this.eventId = eventId;
        this.status = status;
    }

    public String eventId() {
        return eventId;
    }

    public JournalEntry.ProcessingStatus status() {
        return status;
    }
}
