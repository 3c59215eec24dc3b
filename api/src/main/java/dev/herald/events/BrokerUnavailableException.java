package dev.herald.events;

import jakarta.ejb.ApplicationException;

/**
 * The broker could not take the event: nothing was published and the caller's transaction rolls back. The client may
 * try again later (HTTP answers 503 with Retry-After); once the broker is back, publishing works again by itself.
 */
@ApplicationException(rollback = true)
public class BrokerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
