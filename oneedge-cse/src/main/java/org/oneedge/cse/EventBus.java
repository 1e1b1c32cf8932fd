package org.oneedge.cse;

import java.util.List;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.event.ResourceEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each {@link ResourceEvent} to every listener in registration order; a failing listener is logged and skipped. */
final class EventBus {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final List<ResourceEventListener> listeners;

    EventBus(List<ResourceEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    void publish(ResourceEvent event) {
        for (ResourceEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("event listener {} failed on {}: {}", listener.getClass().getName(),
                        event.getClass().getSimpleName(), e.toString());
            }
        }
    }

    void publishAll(List<ResourceEvent> events) {
        if (listeners.isEmpty()) {
            return;
        }
        for (ResourceEvent event : events) {
            publish(event);
        }
    }
}
