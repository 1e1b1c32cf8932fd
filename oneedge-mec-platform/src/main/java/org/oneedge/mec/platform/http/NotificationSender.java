package org.oneedge.mec.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delivers MEC notifications: an HTTP POST of the JSON body to the subscriber's {@code callbackReference} (MEC 009
 * subscribe/notify pattern), or a text message on the subscription's websocket ({@link WebsocketChannels}, MEC 009
 * 6.12a). A failed POST (I/O error or non-2xx) is retried with doubling backoff, then dropped with a WARN.
 *
 * <p>Each callback URL has {@code lanes} queues, each drained in order by one virtual thread over its own persistent
 * HTTP/1.1 connection ({@link CallbackConnection}), so that a callback receives up to {@code lanes} POSTs at once and
 * a slow or dead subscriber delays nobody else. Connections idle for {@code IDLE_CLOSE} are closed. A notification about a
 * UE goes to the lane of that UE ({@link #send(URI, String, Object)}), so one UE's notifications arrive in the order
 * they happened. Under load, notifications that only carry the latest value of something (a periodic measurement
 * report) are coalesced ({@link #sendLatest}): once a lane's backlog passes an eighth of its capacity, a newer one for
 * the same UE and kind cancels the older one still waiting and queues at the tail, so the subscriber loses no state,
 * only superseded samples (a subscriber that keeps up gets every sample). Such latest-value
 * notifications may fill half of a lane's {@code queueCapacity}; the other half is kept for events (cell change,
 * zone entry, bearer set-up). Only when a lane is full is a new notification dropped and counted.
 *
 * <pre>
 *   send(cb, n, ue)        ─▶ lane[hash(ue) % lanes] ─▶ drainer (virtual thread) ─▶ POST cb on the lane's
 *                                                       keep-alive connection ─fail─▶ backoff, retry
 *   sendLatest(cb, n, ue, kind): cancel the queued (ue, kind) sample, then as send
 *   send(ws://…, n)        ─▶ WebsocketChannels (text message, or backlog until the subscriber connects)
 * </pre>
 */
public final class NotificationSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
    /** How long a lane's connection may stay unused before it is closed. */
    private static final Duration IDLE_CLOSE = Duration.ofSeconds(30);

    /**
     * Delivery settings; see {@link org.oneedge.mec.platform.MecPlatformConfig} for the defaults.
     *
     * @param lanes concurrent deliveries per callback URL
     */
    public record Settings(Duration timeout, int maxAttempts, Duration initialBackoff, int queueCapacity, int lanes) {
        public Settings {
            if (lanes < 1) {
                throw new IllegalArgumentException("lanes must be >= 1");
            }
        }
    }

    private record Pending(byte[] body, String description) {
    }

    /** A queue position; its content is taken by the drainer or cancelled by a newer sample, whichever comes first. */
    private static final class Slot {
        final String key;
        final AtomicReference<Pending> pending;

        Slot(String key, Pending pending) {
            this.key = key;
            this.pending = new AtomicReference<>(pending);
        }
    }

    private final class Lane {
        final URI callback;
        final CallbackConnection connection;
        final Queue<Slot> queue = new ConcurrentLinkedQueue<>();
        final Map<String, Slot> latest = new ConcurrentHashMap<>();
        final AtomicInteger size = new AtomicInteger();
        final AtomicBoolean draining = new AtomicBoolean();

        Lane(URI callback) {
            this.callback = callback;
            this.connection = new CallbackConnection(callback, settings.timeout());
        }
    }

    private final Settings settings;
    private final ObjectMapper mapper;
    private final ExecutorService executor;
    private final WebsocketChannels websockets;
    private final Map<URI, Lane[]> lanes = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong coalesced = new AtomicLong();
    private volatile boolean closed;

    public NotificationSender(Settings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.websockets = new WebsocketChannels(settings.queueCapacity());
        executor.execute(this::closeIdleConnections);
    }

    /** The websocket channels notifications with a {@code ws://} target go to. */
    public WebsocketChannels websockets() {
        return websockets;
    }

    /** Queues {@code notification} (any Jackson-serialisable value) for {@code target}, in lane 0. */
    public void send(URI target, Object notification) {
        send(target, null, notification);
    }

    /** Queues {@code notification} about UE {@code ueKey} (may be null): in order with that UE's others. */
    public void send(URI target, String ueKey, Object notification) {
        enqueue(target, notification, ueKey, null);
    }

    /**
     * Queues a latest-value notification ({@code kind}, e.g. a periodic measurement report) about UE {@code ueKey}:
     * one of the same kind and UE still waiting for this target is cancelled (counted as coalesced).
     */
    public void sendLatest(URI target, String ueKey, String kind, Object notification) {
        enqueue(target, notification, ueKey, ueKey + '\u0000' + kind);
    }

    /** Forgets a target whose subscription is gone: closes its websocket channel, if it has one. */
    public void release(URI target) {
        if (WebsocketChannels.isWebsocket(target)) {
            websockets.close(target);
        }
    }

    private void enqueue(URI target, Object notification, String ueKey, String coalesceKey) {
        if (closed) {
            return;
        }
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notification cannot be encoded", e);
        }
        String description = notification.getClass().getSimpleName();
        if (WebsocketChannels.isWebsocket(target)) {
            websockets.send(target, body, description);
            return;
        }
        Lane[] byCallback = lanes.computeIfAbsent(target, this::newLanes);
        Lane lane = byCallback[ueKey == null ? 0 : Math.floorMod(ueKey.hashCode(), byCallback.length)];
        Slot slot = new Slot(coalesceKey, new Pending(body, description));
        if (coalesceKey != null) {
            Slot older = lane.latest.put(coalesceKey, slot);
            if (older != null && lane.size.get() >= coalesceThreshold() && older.pending.getAndSet(null) != null) {
                lane.size.decrementAndGet();
                coalesced.incrementAndGet();
            }
        }
        int limit = coalesceKey != null ? Math.max(1, settings.queueCapacity() / 2) : settings.queueCapacity();
        if (lane.size.incrementAndGet() > limit) {
            lane.size.decrementAndGet();
            if (coalesceKey != null) {
                lane.latest.remove(coalesceKey, slot);
            }
            dropped.incrementAndGet();
            LOG.warn("Notification queue for {} is full ({}), dropping {}", target, limit, description);
            return;
        }
        lane.queue.add(slot);
        startDrainer(lane);
    }

    /** Backlog of a lane from which superseded samples are cancelled: an eighth of its capacity. */
    private int coalesceThreshold() {
        return Math.max(1, settings.queueCapacity() / 8);
    }

    private Lane[] newLanes(URI callback) {
        Lane[] out = new Lane[settings.lanes()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Lane(callback);
        }
        return out;
    }

    private void startDrainer(Lane lane) {
        if (lane.draining.compareAndSet(false, true)) {
            try {
                executor.execute(() -> drain(lane));
            } catch (RuntimeException e) { // executor shut down
                lane.draining.set(false);
            }
        }
    }

    private void drain(Lane lane) {
        try {
            Slot next;
            while (!closed && (next = lane.queue.poll()) != null) {
                Pending p = next.pending.getAndSet(null);
                if (p == null) {
                    continue; // superseded by a newer sample
                }
                lane.size.decrementAndGet();
                if (next.key != null) {
                    lane.latest.remove(next.key, next);
                }
                deliver(lane, p);
            }
        } finally {
            lane.draining.set(false);
        }
        if (!closed && !lane.queue.isEmpty()) {
            startDrainer(lane); // something arrived between the last poll and the flag reset
        }
    }

    private void deliver(Lane lane, Pending pending) {
        URI callback = lane.callback;
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; attempt <= settings.maxAttempts() && !closed; attempt++) {
            try {
                int status = lane.connection.post(pending.body());
                if (status / 100 == 2) {
                    delivered.incrementAndGet();
                    LOG.debug("Delivered {} to {} ({})", pending.description(), callback, status);
                    return;
                }
                LOG.debug("Callback {} answered {} to {} (attempt {})", callback, status, pending.description(),
                        attempt);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                LOG.debug("Callback {} unreachable for {} (attempt {}): {}", callback, pending.description(), attempt,
                        e.toString());
            }
            if (attempt < settings.maxAttempts()) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2);
            }
        }
        dropped.incrementAndGet();
        LOG.warn("Dropping {} for {} after {} attempts", pending.description(), callback, settings.maxAttempts());
    }

    /** Notifications delivered with a 2xx answer (or sent on a connected websocket) since start. */
    public long deliveredCount() {
        return delivered.get() + websockets.deliveredCount();
    }

    /** Notifications given up on (queue full or all attempts failed) since start. */
    public long droppedCount() {
        return dropped.get() + websockets.droppedCount();
    }

    /** Notifications queued for HTTP callbacks and not yet delivered or given up on. */
    public long pendingCount() {
        long n = 0;
        for (Lane[] byCallback : lanes.values()) {
            for (Lane lane : byCallback) {
                n += lane.size.get();
            }
        }
        return n;
    }

    /** Latest-value notifications cancelled because a newer one for the same UE and kind was queued behind them. */
    public long coalescedCount() {
        return coalesced.get();
    }

    /** Every few seconds, closes the connections of lanes that sent nothing for {@link #IDLE_CLOSE}. */
    private void closeIdleConnections() {
        while (!closed) {
            try {
                Thread.sleep(IDLE_CLOSE.dividedBy(2));
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Lane[] byCallback : lanes.values()) {
                for (Lane lane : byCallback) {
                    if (lane.connection.isOpen() && now - lane.connection.lastUsedNanos() > IDLE_CLOSE.toNanos()
                            && lane.draining.compareAndSet(false, true)) {
                        try {
                            lane.connection.close();
                        } finally {
                            lane.draining.set(false);
                        }
                        if (!lane.queue.isEmpty()) {
                            startDrainer(lane);
                        }
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        for (Lane[] byCallback : lanes.values()) {
            for (Lane lane : byCallback) {
                lane.connection.close(); // unblocks a drainer waiting for an answer
            }
        }
    }
}
