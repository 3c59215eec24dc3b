package dev.herald.subscribe;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;

/**
 * Starts a task on another thread. In the server these are container-managed threads ({@link ObserverTasks}, an
 * EJB {@code @Asynchronous} method); unit tests pass an {@code ExecutorService::submit}.
 */
@FunctionalInterface
public interface TaskRunner {

    Future<Void> start(Callable<Void> task);
}
