package org.oneedge.mec.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers MEC notifications: an HTTP POST of the JSON body to the subscriber's {@code callbackReference} (MEC 009
 * subscribe/notify pattern). Each callback URL has its own bounded queue drained in order by one virtual thread, so a
 * slow or dead subscriber delays nobody else; a failed POST (I/O error or non-2xx) is retried with doubling backoff,
 * then dropped with a WARN. When a queue is full, new notifications for that callback are dropped.
 *
 * <pre>
 *   send(cb, n) -> queue[cb] (bounded) -> drainer (virtual thread) -> POST cb  --fail--> sleep(backoff*2^k), retry
 * </pre>
 */
public final class NotificationSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);

    /** Delivery settings; see {@link org.oneedge.mec.platform.MecPlatformConfig} for the defaults. */
    public record Settings(Duration timeout, int maxAttempts, Duration initialBackoff, int queueCapacity) {
    }

    private record Pending(byte[] body, String description) {
    }

    private final class CallbackQueue {
        final URI callback;
        final BlockingQueue<Pending> queue;
        final AtomicBoolean draining = new AtomicBoolean();

        CallbackQueue(URI callback) {
            this.callback = callback;
            this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        }
    }

    private final Settings settings;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final ExecutorService executor;
    private final Map<URI, CallbackQueue> queues = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    public NotificationSender(Settings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1) // no h2c upgrade per request
                .connectTimeout(settings.timeout()).executor(executor).build();
    }

    /** Queues {@code notification} (any Jackson-serialisable value) for POSTing to {@code callback}. */
    public void send(URI callback, Object notification) {
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
        CallbackQueue q = queues.computeIfAbsent(callback, CallbackQueue::new);
        if (!q.queue.offer(new Pending(body, description))) {
            dropped.incrementAndGet();
            LOG.warn("Notification queue for {} is full ({}), dropping {}", callback, settings.queueCapacity(),
                    description);
            return;
        }
        startDrainer(q);
    }

    private void startDrainer(CallbackQueue q) {
        if (q.draining.compareAndSet(false, true)) {
            try {
                executor.execute(() -> drain(q));
            } catch (RuntimeException e) { // executor shut down
                q.draining.set(false);
            }
        }
    }

    private void drain(CallbackQueue q) {
        try {
            Pending next;
            while (!closed && (next = q.queue.poll()) != null) {
                deliver(q.callback, next);
            }
        } finally {
            q.draining.set(false);
        }
        if (!closed && !q.queue.isEmpty()) {
            startDrainer(q); // something arrived between the last poll and the flag reset
        }
    }

    private void deliver(URI callback, Pending pending) {
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; attempt <= settings.maxAttempts() && !closed; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(callback)
                        .timeout(settings.timeout())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(pending.body()))
                        .build();
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    delivered.incrementAndGet();
                    LOG.debug("Delivered {} to {} ({})", pending.description(), callback, status);
                    return;
                }
                LOG.debug("Callback {} answered {} to {} (attempt {})", callback, status, pending.description(),
                        attempt);
            } catch (IOException e) {
                LOG.debug("Callback {} unreachable for {} (attempt {}): {}", callback, pending.description(), attempt,
                        e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
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

    /** Notifications delivered with a 2xx answer since start. */
    public long deliveredCount() {
        return delivered.get();
    }

    /** Notifications given up on (queue full or all attempts failed) since start. */
    public long droppedCount() {
        return dropped.get();
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        http.close();
    }
}
