package org.oneedge.bench.cse;

/**
 * Adds many contentInstances to a container faster than the request path can, for the {@code la} flatness phase:
 * the app implements it with batched writes straight into the CSE's store.
 */
@FunctionalInterface
public interface ContainerFiller {

    /**
     * Adds {@code count} instances to the container at {@code containerPath} (CSE-relative structured, e.g.
     * {@code cse-in/ae/flat}), which already holds at least one instance created through the CSE, and reports the
     * number added so far to {@code progress} now and then.
     */
    void fill(String containerPath, int count, java.util.function.IntConsumer progress);
}
