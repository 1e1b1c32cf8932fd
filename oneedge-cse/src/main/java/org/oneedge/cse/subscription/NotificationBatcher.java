package org.oneedge.cse.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Gathers the notifications of subscriptions with {@code bn} (batchNotify) and releases them as one
 * {@code m2m:agn} when {@code num} are waiting or {@code dur} has passed since the first (TS-0004 7.5.1.2.2,
 * digest §6.6); with {@code ln} (latestNotify) only the newest one goes out.
 */
public final class NotificationBatcher implements AutoCloseable {

    private static final class Batch {
        Subscription subscription;
        final List<JsonNode> notifications = new ArrayList<>();
        ScheduledFuture<?> timer;
    }

    private final BiConsumer<Subscription, JsonNode> sender;
    private final Map<String, Batch> batches = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService timers;

    /** @param sender sends a ready content ({@code m2m:agn} or a single {@code m2m:sgn}) to the subscription's targets */
    public NotificationBatcher(BiConsumer<Subscription, JsonNode> sender) {
        this.sender = sender;
    }

    public synchronized void start() {
        if (timers == null) {
            timers = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("notify-batch").factory());
        }
    }

    public synchronized void stop() {
        if (timers != null) {
            timers.shutdownNow();
            timers = null;
        }
        batches.clear();
    }

    @Override
    public void close() {
        stop();
    }

    /** Adds one {@code {"m2m:sgn":…}} notification of a subscription with {@code bn}. */
    public void add(Subscription subscription, JsonNode notification) {
        Subscription.BatchNotify bn = subscription.batchNotify();
        JsonNode ready = null;
        Batch batch = batches.computeIfAbsent(subscription.ri(), k -> new Batch());
        synchronized (batch) {
            batch.subscription = subscription;
            batch.notifications.add(notification);
            if (batch.notifications.size() >= bn.number()) {
                ready = take(batch);
            } else if (batch.timer == null && timers != null) {
                batch.timer = timers.schedule(() -> flush(subscription.ri()), bn.duration().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
        if (ready != null) {
            sender.accept(subscription, ready);
        }
    }

    /** Sends whatever waits for the subscription now (e.g. before it is deleted). */
    public void flush(String subscriptionRi) {
        Batch batch = batches.get(subscriptionRi);
        if (batch == null) {
            return;
        }
        JsonNode ready;
        Subscription subscription;
        synchronized (batch) {
            subscription = batch.subscription;
            ready = batch.notifications.isEmpty() ? null : take(batch);
        }
        batches.remove(subscriptionRi, batch);
        if (ready != null) {
            sender.accept(subscription, ready);
        }
    }

    private static JsonNode take(Batch batch) {
        if (batch.timer != null) {
            batch.timer.cancel(false);
            batch.timer = null;
        }
        List<JsonNode> taken = List.copyOf(batch.notifications);
        batch.notifications.clear();
        if (batch.subscription.latestNotify()) {
            return taken.getLast();
        }
        return NotificationContent.aggregate(taken);
    }
}
