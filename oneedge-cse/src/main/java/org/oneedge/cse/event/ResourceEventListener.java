package org.oneedge.cse.event;

/**
 * Receives {@link ResourceEvent}s from the engine. Called on the request's thread right after the store write
 * succeeded, in the order the writes happened for one request; so it must be quick and hand slow work (sending
 * notifications) to its own queue. An exception is logged and ignored: the request has already succeeded.
 * Register with {@code Cse.builder().listener(…)}.
 */
@FunctionalInterface
public interface ResourceEventListener {
    void onEvent(ResourceEvent event);
}
