package dev.herald.tail;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A tail client for the tests: records what it is sent; can hang on a write, or fail it like a vanished client. */
final class RecordingSink implements TailSink {

    final List<String> received = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile CountDownLatch gate;
    private volatile boolean failing;
    private volatile boolean clientGone;

    /** Writes hang until {@link #release}: a client that stopped reading. */
    RecordingSink hanging() {
        gate = new CountDownLatch(1);
        return this;
    }

    void release() {
        gate.countDown();
    }

    /** Every write fails, as it does once the client disconnected. */
    void failWrites() {
        failing = true;
    }

    /** The connection reports itself closed, without a write. */
    void disconnect() {
        clientGone = true;
    }

    @Override
    public void ready(TailFilter filter) throws Exception {
        write("ready " + filter.json());
        ready.countDown();
    }

    @Override
    public void send(TailEvent event) throws Exception {
        write(event.eventType() + " " + event.id());
    }

    @Override
    public void keepAlive() throws Exception {
        write(": keep-alive");
    }

    private void write(String line) throws Exception {
        if (gate != null && !gate.await(10, TimeUnit.SECONDS)) {
            throw new IOException("test gate never opened");
        }
        if (failing) {
            throw new IOException("Broken pipe");
        }
        received.add(line);
    }

    boolean awaitReady() throws InterruptedException {
        return ready.await(5, TimeUnit.SECONDS);
    }

    boolean awaitClosed() throws InterruptedException {
        return closed.await(5, TimeUnit.SECONDS);
    }

    List<String> events() {
        return received.stream().filter(l -> !l.startsWith("ready ") && !l.startsWith(":")).toList();
    }

    @Override
    public boolean isClosed() {
        return clientGone || closed.getCount() == 0;
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
