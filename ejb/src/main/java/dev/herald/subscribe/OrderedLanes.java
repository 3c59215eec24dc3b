package dev.herald.subscribe;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks in order per key and concurrently across keys: one lane (a FIFO) per key, at most {@code parallelism}
 * lanes running at once, each running lane on a thread of the {@link TaskRunner}. A worker runs one task of a lane,
 * then puts the lane back at the end of the ready queue, so many busy keys share the workers in turn; a lane is never
 * run by two workers at once, which is what keeps a key's tasks in the order they were submitted. Workers are started
 * when work arrives and end when no lane is ready, so an idle consumer holds no thread.
 *
 * <p>Thread-safe. A task must not throw (the consumer's tasks catch and report their own failures); one that does is
 * logged at WARNING and its lane goes on.
 */
final class OrderedLanes {

    private static final Logger LOG = Logger.getLogger(OrderedLanes.class.getName());

    private static final class Lane {
        final String key;
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        Lane(String key) {
            this.key = key;
        }
    }

    private final TaskRunner runner;
    private final int parallelism;
    /** The lanes that have tasks queued or running; a lane is removed when it runs dry. Guarded by this. */
    private final Map<String, Lane> lanes = new HashMap<>();
    /** Lanes with a task to run that no worker holds. Guarded by this. */
    private final ArrayDeque<Lane> ready = new ArrayDeque<>();
    /** The tasks running now, each with its worker. Guarded by this. */
    private final Map<Runnable, Worker> running = new IdentityHashMap<>();
    private int workers;

    OrderedLanes(TaskRunner runner, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.runner = runner;
        this.parallelism = parallelism;
    }

    /** Queues the task behind the key's earlier ones; it runs once they have run. */
    void submit(String key, Runnable task) {
        synchronized (this) {
            Lane lane = lanes.get(key);
            if (lane != null) {
                lane.tasks.add(task); // held by a worker or already ready: it comes to this task in turn
                return;
            }
            lane = new Lane(key);
            lane.tasks.add(task);
            lanes.put(key, lane);
            ready.add(lane);
            if (workers >= parallelism) {
                return;
            }
            workers++;
        }
        startCountedWorker();
    }

    /** Starts a worker already counted in {@code workers}; uncounts it when the runner refuses to start it. */
    private void startCountedWorker() {
        try {
            runner.start(() -> {
                work();
                return null;
            });
        } catch (RuntimeException e) {
            synchronized (this) {
                workers--;
            }
            throw e;
        }
    }

    /** How many keys have tasks queued or running. */
    synchronized int busyKeys() {
        return lanes.size();
    }

    /**
     * Gives up on a task that is running and will not end in time (a hung observer): its worker no longer holds the
     * lane, whose later tasks go on on another worker, and no longer counts against the parallelism; the thread
     * itself stays with the task, and leaves once the task returns. The key's order is kept for every task but the
     * abandoned one, which the caller reports as not done.
     *
     * @return false when the task is not running (it ended meanwhile, or never started)
     */
    boolean abandon(Runnable task) {
        boolean startWorker;
        synchronized (this) {
            Worker worker = running.remove(task);
            if (worker == null) {
                return false;
            }
            worker.abandoned = true;
            release(worker.lane); // its head is the abandoned task
            workers--;
            startWorker = !ready.isEmpty() && workers < parallelism;
            if (startWorker) {
                workers++;
            }
        }
        if (startWorker) {
            startCountedWorker();
        }
        return true;
    }

    /**
     * Takes the lane's head task (the one its worker ran, or gave up on) off, and queues the lane again or drops it.
     * Under this.
     */
    private void release(Lane lane) {
        lane.tasks.poll();
        if (lane.tasks.isEmpty()) {
            lanes.remove(lane.key);
        } else {
            ready.add(lane);
        }
    }

    /** A worker's hold on the lane whose task it runs; abandoned once {@link #abandon} gave up on that task. */
    private static final class Worker {
        Lane lane;
        boolean abandoned;
    }

    private void work() {
        Worker worker = new Worker();
        Runnable task;
        synchronized (this) {
            task = next(worker);
        }
        while (task != null) {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "A delivery task of key " + worker.lane.key + " threw; its lane goes on", e);
            }
            synchronized (this) {
                if (worker.abandoned) {
                    return; // the lane went on without this thread, and the worker count no longer has it
                }
                running.remove(task);
                release(worker.lane); // its head is the task just run
                task = next(worker);
            }
        }
    }

    /** The next ready lane's head task, now held by the worker; null (the worker ends) when none is ready. Under this. */
    private Runnable next(Worker worker) {
        worker.lane = ready.poll();
        if (worker.lane == null) {
            workers--;
            return null;
        }
        Runnable task = worker.lane.tasks.peek(); // stays queued while it runs, so a submit sees the lane as busy
        running.put(task, worker);
        return task;
    }
}
