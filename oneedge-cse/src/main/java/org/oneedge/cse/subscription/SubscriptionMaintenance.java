package org.oneedge.cse.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes subscriptions on the CSE's own behalf: writes a decremented {@code exc}, deletes a subscription whose
 * {@code exc} ran out, drops an unreachable target from {@code nu} (and deletes the subscription when none is left).
 * The changes are sent as ordinary requests from the CSE-ID through the engine, one at a time on a virtual thread,
 * so they take the engine's locks, produce the usual events (the deletion notification to {@code su} among them)
 * and never run inside the request whose event triggered them.
 */
public final class SubscriptionMaintenance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionMaintenance.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final CseClient cse;
    private final ResourceStore store;
    private final String cseId;
    private final AtomicLong requestIds = new AtomicLong();
    private volatile ExecutorService executor;

    public SubscriptionMaintenance(CseClient cse, ResourceStore store, String cseId) {
        this.cse = cse;
        this.store = store;
        this.cseId = cseId;
    }

    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sub-maintenance").factory());
        }
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Persists the remaining {@code exc}. */
    public void updateExpirationCounter(String subscriptionRi, int remaining) {
        ObjectNode sub = JSON.objectNode();
        sub.put("exc", remaining);
        submit(() -> update(subscriptionRi, sub));
    }

    /** Deletes a subscription whose {@code exc} reached 0 (TS-0004 7.5.1.2.2 step 5). */
    public void deleteExhausted(String subscriptionRi) {
        submit(() -> {
            Response r = send(Request.builder().operation(Operation.DELETE).to(subscriptionRi));
            LOG.info("sub {} deleted: expirationCounter reached 0 ({})", subscriptionRi, r.statusCode());
        });
    }

    /** Removes {@code target} from the subscription's {@code nu}; deletes the subscription when {@code nu} empties. */
    public void removeTarget(String subscriptionRi, String target) {
        submit(() -> {
            Resource sub = store.get(subscriptionRi).orElse(null);
            JsonNode nu = sub == null ? null : sub.attributes().get("nu");
            if (nu == null || !nu.isArray()) {
                return;
            }
            ArrayNode remaining = JSON.arrayNode();
            boolean listed = false;
            for (JsonNode entry : nu) {
                if (entry.asText().equals(target)) {
                    listed = true;
                } else {
                    remaining.add(entry);
                }
            }
            if (!listed) {
                return;
            }
            if (remaining.isEmpty()) {
                Response r = send(Request.builder().operation(Operation.DELETE).to(subscriptionRi));
                LOG.warn("sub {} deleted: its last target {} is unreachable ({})", subscriptionRi, target,
                        r.statusCode());
            } else {
                ObjectNode changes = JSON.objectNode();
                changes.set("nu", remaining);
                Response r = update(subscriptionRi, changes);
                LOG.warn("sub {}: unreachable target {} removed from nu ({})", subscriptionRi, target, r.statusCode());
            }
        });
    }

    private Response update(String subscriptionRi, ObjectNode attributes) {
        ObjectNode content = JSON.objectNode();
        content.set("m2m:sub", attributes);
        return send(Request.builder().operation(Operation.UPDATE).to(subscriptionRi).content(content));
    }

    private Response send(Request.Builder request) {
        return cse.send(request.from(cseId).requestId("sub-maint-" + requestIds.incrementAndGet())
                .releaseVersion("3").build());
    }

    private void submit(Runnable task) {
        ExecutorService running = executor;
        if (running == null) {
            LOG.warn("subscription maintenance is stopped; change dropped");
            return;
        }
        try {
            running.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("subscription maintenance failed: {}", e.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("subscription maintenance is stopped; change dropped");
        }
    }
}
