package dev.herald.tail;

/**
 * Where one live-tail client's events go: in the server an SSE connection, in the unit tests a list. Every call
 * happens on the client's own thread, so a slow write holds up that client only.
 */
public interface TailSink {

    /** The first thing a client receives: the subscription is live, every event published from now on is sent. */
    void ready(TailFilter filter) throws Exception;

    void send(TailEvent event) throws Exception;

    /** A comment line, so the client and any proxy in between notice a dead connection. */
    void keepAlive() throws Exception;

    boolean isClosed();

    void close();
}
