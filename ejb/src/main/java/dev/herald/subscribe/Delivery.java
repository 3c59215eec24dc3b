package dev.herald.subscribe;

import dev.herald.events.ReceivedEvent;
import dev.herald.kernel.EventMetrics;
import dev.herald.tracing.EventSpans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers one event to the subscribers of its stream: each observer on its own container thread, all at once,
 * each under the handler timeout, so one that throws or hangs neither blocks nor fails the others. When only one is to
 * run and the caller can watch it ({@link InlineWatch}), it runs on the caller's thread instead, and the caller gives
 * up on it after the timeout. A subscriber
 * that handled the event before (the ledger says so) is not run again; one that is restricted to other tenants
 * counts as handled. A successful observer is recorded in the ledger by its own task, so one that finishes just
 * after its timeout is still not run again.
 */
public final class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class.getName());

    public enum Status {
        HANDLED, ALREADY_HANDLED, NOT_FOR_TENANT, FAILED, TIMED_OUT;

        public boolean done() {
            return this != FAILED && this != TIMED_OUT;
        }
    }

    public record Result(String subscriberId, Status status, String error) {
    }

    /** What happened to every subscriber of one entry. */
    public record Outcome(List<Result> results) {

        public Outcome {
            results = List.copyOf(results);
        }

        /** Acknowledge only then. */
        public boolean allDone() {
            return results.stream().allMatch(r -> r.status().done());
        }

        public Status statusOf(String subscriberId) {
            return results.stream().filter(r -> r.subscriberId().equals(subscriberId)).map(Result::status).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no result for " + subscriberId));
        }

        /** The failed subscribers and why, e.g. {@code probe-throws: FAILED IllegalStateException: boom}. */
        public String reason() {
            return String.join("; ", results.stream().filter(r -> !r.status().done())
                    .map(r -> r.subscriberId() + ": " + r.status() + " " + r.error()).toList());
        }
    }

    /**
     * Watches an observer that runs on the calling thread, so that the caller can give up on it when it outlasts the
     * handler timeout (it cannot be interrupted): the caller counts and reports that timeout itself.
     */
    public interface InlineWatch {

        void started(String subscriberId);

        /** @return false when the caller gave up on the call meanwhile: its outcome is no longer the caller's */
        boolean ended();
    }

    private final ObserverInvoker invoker;
    private final TaskRunner executor;
    private final DeliveryLedger ledger;
    private final Duration timeout;
    private final EventMetrics metrics;
    private final EventSpans spans;

    public Delivery(ObserverInvoker invoker, TaskRunner executor, DeliveryLedger ledger, Duration timeout) {
        this(invoker, executor, ledger, timeout, EventMetrics.NONE, EventSpans.NONE);
    }

    public Delivery(ObserverInvoker invoker, TaskRunner executor, DeliveryLedger ledger, Duration timeout,
                    EventMetrics metrics, EventSpans spans) {
        this.invoker = invoker;
        this.executor = executor;
        this.ledger = ledger;
        this.timeout = timeout;
        this.metrics = metrics;
        this.spans = spans;
    }

    /** Delivers one event, asking the ledger first. */
    public Outcome deliver(ReceivedEvent event, List<Subscription> subscriptions) throws InterruptedException {
        return deliver(event, subscriptions, alreadyHandled(List.of(event), subscriptions));
    }

    /** The ledger keys of the deliveries of these events that were handled before, in one ledger round trip. */
    public Set<String> alreadyHandled(List<ReceivedEvent> events, List<Subscription> subscriptions) {
        return ledger.handled(keysOf(events.stream().map(e -> new EntryKey(e.id(), e.channel(), e.tenantId())).toList(),
                subscriptions));
    }

    /**
     * The same, for entries known only by their event id, channel and tenant (read before they are validated),
     * answered when the ledger answers.
     */
    java.util.concurrent.CompletionStage<Set<String>> alreadyHandledOf(List<EntryKey> events, List<Subscription> subscriptions) {
        return ledger.handledAsync(keysOf(events, subscriptions));
    }

    private List<String> keysOf(List<EntryKey> events, List<Subscription> subscriptions) {
        List<String> keys = new ArrayList<>();
        for (EntryKey event : events) {
            subscriptions.stream().filter(s -> s.accepts(event.tenantId()))
                    .forEach(s -> keys.add(ledger.key(event.eventId(), event.channel(), s.id())));
        }
        return keys;
    }

    /** @param handled the ledger keys known to be handled ({@link #alreadyHandled}) */
    public Outcome deliver(ReceivedEvent event, List<Subscription> subscriptions, Set<String> handled)
            throws InterruptedException {
        return deliver(event, subscriptions, handled, null);
    }

    /**
     * @param traceparent the trace context the entry carries (the relay's span), or null: each observer call is a
     *                    span of that trace (docs/operations.md "Tracing")
     */
    public Outcome deliver(ReceivedEvent event, List<Subscription> subscriptions, Set<String> handled, String traceparent)
            throws InterruptedException {
        return deliver(event, subscriptions, handled, traceparent, null);
    }

    /**
     * @param inline when not null and exactly one subscriber is to run, it runs on the calling thread under this watch
     *               (one thread hand-off less per event; the caller enforces the timeout); otherwise every subscriber
     *               runs on its own container thread, under the timeout enforced here
     */
    public Outcome deliver(ReceivedEvent event, List<Subscription> subscriptions, Set<String> handled, String traceparent,
                           InlineWatch inline) throws InterruptedException {
        Map<String, Result> results = new LinkedHashMap<>();
        Map<Subscription, String> toRun = new LinkedHashMap<>(); // with its ledger key
        for (Subscription s : subscriptions) {
            if (!s.accepts(event.tenantId())) {
                results.put(s.id(), new Result(s.id(), Status.NOT_FOR_TENANT, null));
                continue;
            }
            String key = ledger.key(event.id(), event.channel(), s.id());
            if (handled.contains(key)) {
                results.put(s.id(), new Result(s.id(), Status.ALREADY_HANDLED, null));
            } else {
                toRun.put(s, key);
            }
        }
        if (inline != null && toRun.size() == 1) {
            Map.Entry<Subscription, String> only = toRun.entrySet().iterator().next();
            Subscription s = only.getKey();
            inline.started(s.id());
            Result result = runHere(event, s, only.getValue(), traceparent);
            if (!inline.ended()) {
                return new Outcome(List.of(new Result(s.id(), Status.TIMED_OUT, "no result within " + timeout)));
            }
            results.put(s.id(), result);
            count(result);
            return new Outcome(subscriptions.stream().map(sub -> results.get(sub.id())).toList());
        }
        Map<Subscription, Future<?>> running = new LinkedHashMap<>();
        toRun.forEach((s, key) -> running.put(s, executor.start(() -> {
            invokeAndMark(event, s, key, traceparent);
            return null;
        })));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Map.Entry<Subscription, Future<?>> task : running.entrySet()) {
                results.put(task.getKey().id(), await(event, task.getKey(), task.getValue(), deadline));
            }
        } catch (InterruptedException e) {
            running.values().forEach(f -> f.cancel(true));
            throw e;
        }
        List<Result> ordered = subscriptions.stream().map(s -> results.get(s.id())).toList();
        ordered.forEach(this::count);
        return new Outcome(ordered);
    }

    /** One observer call on this thread: HANDLED (and marked in the ledger) or FAILED. */
    private Result runHere(ReceivedEvent event, Subscription s, String key, String traceparent) {
        try {
            invokeAndMark(event, s, key, traceparent);
            return new Result(s.id(), Status.HANDLED, null);
        } catch (RuntimeException | Error e) {
            return failed(event, s, e);
        }
    }

    private static Result failed(ReceivedEvent event, Subscription s, Throwable error) {
        Throwable cause = unwrap(error);
        LOG.log(Level.WARNING, "Subscriber " + s.id() + " failed on entry " + event.entryId() + " of " + event.stream()
                + " (event " + event.id() + ")", cause);
        return new Result(s.id(), Status.FAILED, describe(cause));
    }

    /** Writes the handled marks recorded since the last call ({@link DeliveryLedger#flush()}). */
    public void flushLedger() {
        ledger.flush();
    }

    /** Calls the observer in a span of the entry's trace; once it returned, records it as handled. */
    private void invokeAndMark(ReceivedEvent event, Subscription s, String key, String traceparent) {
        try (EventSpans.EventSpan span = spans.receiving("herald deliver " + s.id(), traceparent, event.id(),
                event.eventType())) {
            invokeIn(span, s, event);
        }
        ledger.markHandled(key);
    }

    private void invokeIn(EventSpans.EventSpan span, Subscription s, ReceivedEvent event) {
        try {
            invoker.invoke(s, event);
        } catch (RuntimeException | Error e) {
            span.failed(e);
            throw e;
        }
    }

    private void count(Result result) {
        switch (result.status()) {
            case HANDLED -> metrics.delivered(result.subscriberId());
            case FAILED -> metrics.deliveryFailed(result.subscriberId());
            case TIMED_OUT -> metrics.deliveryTimedOut(result.subscriberId());
            default -> { }
        }
    }

    private Result await(ReceivedEvent event, Subscription s, Future<?> task, long deadline) throws InterruptedException {
        try {
            task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Result(s.id(), Status.HANDLED, null);
        } catch (ExecutionException e) {
            return failed(event, s, e);
        } catch (TimeoutException | CancellationException e) {
            task.cancel(true);
            LOG.warning("Subscriber " + s.id() + " did not finish entry " + event.entryId() + " of " + event.stream()
                    + " (event " + event.id() + ") within " + timeout + "; interrupted");
            return new Result(s.id(), Status.TIMED_OUT, "no result within " + timeout);
        }
    }

    /** The observer's own exception, without the layers the future and the container put around it. */
    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && (t instanceof ExecutionException || t instanceof jakarta.ejb.EJBException
                || t instanceof jakarta.enterprise.event.ObserverException)) {
            t = t.getCause();
        }
        return t;
    }

    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 500; t = t.getCause()) {
            text.append(text.length() == 0 ? "" : " caused by ").append(t.getClass().getSimpleName()).append(": ")
                    .append(t.getMessage());
        }
        return text.length() > 500 ? text.substring(0, 500) : text.toString();
    }
}
