package dev.herald.tail;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connected live-tail client: a bounded queue filled by the dispatcher and drained by the client's own thread
 * ({@link #run}), which writes to the sink and sends a keep-alive whenever nothing came for a while. The dispatcher
 * never writes to a sink, so a slow or dead connection holds up nobody else: when its queue is full the hub drops it.
 */
public final class TailSubscriber {

    private static final Logger LOG = Logger.getLogger(TailSubscriber.class.getName());
    /** Wakes the draining thread after {@link #stop}; never sent. */
    private static final TailEvent WAKE_UP = new TailEvent("", "", "", "");

    private final long id;
    private final TailFilter filter;
    private final TailSink sink;
    private final Duration keepAlive;
    private final BlockingQueue<TailEvent> queue;
    private final int capacity;
    private final Consumer<TailSubscriber> onEnd;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile String stopReason;

    TailSubscriber(long id, TailFilter filter, TailSink sink, int capacity, Duration keepAlive,
                   Consumer<TailSubscriber> onEnd) {
        this.id = id;
        this.filter = filter;
        this.sink = sink;
        this.keepAlive = keepAlive;
        this.queue = new ArrayBlockingQueue<>(capacity + 1); // + 1: room for the wake-up of a full queue
        this.capacity = capacity;
        this.onEnd = onEnd;
    }

    public long id() {
        return id;
    }

    public TailFilter filter() {
        return filter;
    }

    boolean isStopped() {
        return stopped.get();
    }

    /** @return false when the client's queue is full: it has not kept up */
    boolean offer(TailEvent event) {
        return queue.size() < capacity && queue.offer(event);
    }

    /**
     * Ends the stream from another thread (the client was dropped, the application stops). The sink is closed by the
     * client's own thread once its current write returns: closing it here could block the caller behind that write.
     */
    public void stop(String reason) {
        if (stopped.compareAndSet(false, true)) {
            stopReason = reason;
            queue.clear();
            queue.offer(WAKE_UP);
        }
    }

    /** The client's thread: the ready signal, then events and keep-alives until the client or the server ends it. */
    public void run() {
        try {
            sink.ready(filter);
            while (!stopped.get() && !sink.isClosed()) {
                TailEvent next = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (stopped.get()) {
                    break;
                }
                if (next == null) {
                    sink.keepAlive();
                } else {
                    sink.send(next);
                }
            }
            LOG.log(Level.FINE, () -> describe() + " ended: " + (stopReason == null ? "the client closed it" : stopReason));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.INFO, describe() + " interrupted", e);
        } catch (Exception e) {
            // A client that went away shows up as a failed write; the normal end of a tail, so no stack trace.
            LOG.log(Level.INFO, () -> describe() + " ended, a write failed: " + e);
        } finally {
            stopped.set(true);
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, describe() + ": closing the connection failed", e);
            }
            onEnd.accept(this);
        }
    }

    String describe() {
        return "live tail " + id + " of tenant " + filter.tenant();
    }
}
