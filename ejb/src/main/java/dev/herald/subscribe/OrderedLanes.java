package dev.herald.subscribe;

import java.util.ArrayDeque;
import java.util.HashMap;
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

    private void work() {
        Lane lane = null;
        while (true) {
            Runnable task;
            synchronized (this) {
                if (lane != null) {
                    lane.tasks.poll(); // the task just run
                    if (lane.tasks.isEmpty()) {
                        lanes.remove(lane.key);
                    } else {
                        ready.add(lane);
                    }
                }
                lane = ready.poll();
                if (lane == null) {
                    workers--;
                    return;
                }
                task = lane.tasks.peek(); // stays queued while it runs, so a submit sees the lane as busy
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "A delivery task of key " + lane.key + " threw; its lane goes on", e);
            }
        }
    }
}
