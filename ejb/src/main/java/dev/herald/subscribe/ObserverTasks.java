package dev.herald.subscribe;

import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Runs subscriber work on the container's threads (application context, CDI, JNDI), each call on its own thread:
 * an observer delivery, or the consumer loop itself. No transaction: an observer that needs one calls an EJB that
 * starts its own, and a failure of one observer never rolls back another's work.
 *
 * <p>An EJB {@code @Asynchronous} method rather than a {@code ManagedExecutorService}: the server runs without the
 * {@code concurrent-3.0} feature, while Enterprise Beans Lite includes asynchronous methods. One consequence:
 * {@code Future.cancel(true)} on a timed-out observer does not interrupt its thread, it only stops waiting for it.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ObserverTasks implements TaskRunner {

    @Asynchronous
    @Override
    public Future<Void> start(Callable<Void> task) {
        try {
            return new AsyncResult<>(task.call());
        } catch (Exception e) {
            // Handed back through the future rather than thrown: a thrown exception would be an EJB system
            // exception, logged by the container as its own error and wrapped in an EJBException.
            return CompletableFuture.failedFuture(e);
        }
    }
}
