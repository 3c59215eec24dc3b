package dev.herald.tail;

/** The live tail cannot start: Redis, its source, is unreachable. */
public class TailUnavailableException extends RuntimeException {

    public TailUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
