package org.oneedge.cse.request;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks that share a key one after the other, in the order they were handed in, and tasks of different keys in
 * parallel: non-blocking requests for one remote CSE then reach it (or its link-loss queue) in the order they were
 * accepted, not in the order their first attempts happened to fail.
 */
final class SerialLanes {

    private static final Logger LOG = LoggerFactory.getLogger(SerialLanes.class);

    private final Executor executor;
    /** Key to the tasks waiting behind the one running; a key is present while its lane runs. Guarded by itself. */
    private final Map<String, ArrayDeque<Runnable>> lanes = new HashMap<>();

    SerialLanes(Executor executor) {
        this.executor = executor;
    }

    /** Runs the task after every task handed in before it with the same key. */
    void execute(String key, Runnable task) {
        synchronized (lanes) {
            ArrayDeque<Runnable> waiting = lanes.get(key);
            if (waiting != null) {
                waiting.add(task);
                return;
            }
            lanes.put(key, new ArrayDeque<>());
        }
        try {
            executor.execute(() -> drain(key, task));
        } catch (RuntimeException e) {
            synchronized (lanes) {
                lanes.remove(key);
            }
            throw e;
        }
    }

    private void drain(String key, Runnable first) {
        Runnable next = first;
        while (next != null) {
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("task of lane {} failed: {}", key, e.toString());
            }
            synchronized (lanes) {
                next = lanes.get(key).poll();
                if (next == null) {
                    lanes.remove(key);
                }
            }
        }
    }
}
