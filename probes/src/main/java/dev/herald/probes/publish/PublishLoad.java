package dev.herald.probes.publish;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EventEnvelope;
import dev.herald.publish.EventPublisher;
import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Benchmark probe: publishes one event many times from inside the server, as a business EJB would, from several
 * container threads at once: one JTA transaction per event, or per batch of {@code perTransaction} events. It measures the publishing path
 * itself (validation, envelope, XA send, relay) without an HTTP client sharing the cores. Only in the probes WAR,
 * which only the benchmark's run server ({@code mvn -Prun,probes package}) and the integration tests deploy.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // so that each publish() starts a transaction of its own
public class PublishLoad {

    static final int MAX_EVENTS = 200_000;
    static final int MAX_WORKERS = 64;
    static final int MAX_PER_TRANSACTION = 1000;

    /** What a run published: every event id, and how long publishing took (not the relay). */
    public record Run(List<String> eventIds, int workers, long elapsedNanos) {
    }

    @Inject
    EventPublisher publisher;

    @Resource
    SessionContext context;

    public Run run(DomainEvent event, int events, int workers, int perTransaction) {
        if (events < 1 || events > MAX_EVENTS || workers < 1 || workers > MAX_WORKERS || workers > events) {
            throw new IllegalArgumentException("events must be 1 to " + MAX_EVENTS + " and workers 1 to "
                    + Math.min(MAX_WORKERS, events) + ", were " + events + " and " + workers);
        }
        if (perTransaction < 1 || perTransaction > MAX_PER_TRANSACTION) {
            throw new IllegalArgumentException("perTransaction must be 1 to " + MAX_PER_TRANSACTION + ", was " + perTransaction);
        }
        if (event.idempotencyKey().isPresent()) {
            throw new IllegalArgumentException("an idempotency key would publish the event once, not " + events + " times");
        }
        PublishLoad self = context.getBusinessObject(PublishLoad.class);
        long start = System.nanoTime();
        List<Future<List<String>>> shares = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            shares.add(self.publishShare(event, events / workers + (w < events % workers ? 1 : 0), perTransaction));
        }
        List<String> ids = new ArrayList<>(events);
        for (Future<List<String>> share : shares) {
            ids.addAll(result(share));
        }
        return new Run(ids, workers, System.nanoTime() - start);
    }

    /** One worker's share: {@code count} events in transactions of {@code perTransaction}, one after the other. */
    @Asynchronous
    public Future<List<String>> publishShare(DomainEvent event, int count, int perTransaction) {
        List<String> ids = new ArrayList<>(count);
        while (ids.size() < count) {
            for (EventEnvelope published : publisher.publishAll(Collections.nCopies(Math.min(perTransaction, count - ids.size()), event))) {
                ids.add(published.id());
            }
        }
        return new AsyncResult<>(ids);
    }

    private static List<String> result(Future<List<String>> share) {
        try {
            return share.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the publish workers ran", e);
        } catch (ExecutionException e) {
            // A publish failed (broker away, invalid event): the run fails with that cause, not a partial count.
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
