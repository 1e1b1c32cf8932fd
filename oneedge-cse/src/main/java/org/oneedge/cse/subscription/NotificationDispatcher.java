package org.oneedge.cse.subscription;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.oneedge.cse.CseConfig;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications asynchronously: one bounded FIFO queue per point of access, drained by one virtual thread
 * at a time, so deliveries to one target keep their order while a slow or dead target never holds up another.
 * Each delivery gets {@link Settings#attempts()} tries with exponential backoff, each bounded by
 * {@link Settings#timeout()}; the {@link DeliveryListener} hears how it ended (TS-0004 7.5.1.2.2 leaves retries
 * open; this is our documented choice).
 *
 * <pre>
 *  dispatch(d) ─► queue[url] ─► drain thread(url) ─► RemoteSender.send (timeout, retries) ─► listener
 * </pre>
 */
public final class NotificationDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    /**
     * @param timeout        bound of one attempt, default {@link CseConfig#notificationTimeout()} (5 s)
     * @param attempts       tries per delivery, default {@link CseConfig#notificationRetries()} (3)
     * @param initialBackoff pause after the first failed try, doubled after each further one, default 100 ms
     * @param maxBackoff     the longest pause, default 2 s
     * @param queueCapacity  notifications waiting per target before new ones are dropped, default 1000
     */
    public record Settings(Duration timeout, int attempts, Duration initialBackoff, Duration maxBackoff,
                           int queueCapacity) {
        public Settings {
            if (attempts < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("attempts and queueCapacity must be at least 1");
            }
        }

        public static Settings of(CseConfig config) {
            return new Settings(config.notificationTimeout(), config.notificationRetries(), Duration.ofMillis(100),
                    Duration.ofSeconds(2), 1000);
        }

        public Settings withInitialBackoff(Duration v) {
            return new Settings(timeout, attempts, v, maxBackoff, queueCapacity);
        }

        public Settings withQueueCapacity(int v) {
            return new Settings(timeout, attempts, initialBackoff, maxBackoff, v);
        }
    }

    /** The queue of one point of access; {@code draining} is true while a thread works on it. */
    private static final class TargetQueue {
        final ArrayDeque<Delivery> pending = new ArrayDeque<>();
        boolean draining;
    }

    /** The event category "latest" ({@code ec}=4), set on the notifications of subscriptions with {@code ln}. */
    private static final String LATEST = "4";

    private final List<RemoteSender> senders;
    private final Settings settings;
    private final DeliveryListener listener;
    private final Map<String, TargetQueue> queues = new ConcurrentHashMap<>();
    private volatile ExecutorService executor;

    public NotificationDispatcher(List<RemoteSender> senders, Settings settings, DeliveryListener listener) {
        this.senders = List.copyOf(senders);
        this.settings = settings;
        this.listener = listener;
    }

    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("notify-", 0).factory());
        }
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        queues.clear();
    }

    @Override
    public void close() {
        stop();
    }

    /** True when some registered sender can reach {@code url}. */
    public boolean canReach(String url) {
        return sender(url).isPresent();
    }

    /**
     * Queues a delivery; returns false (and logs) when the target's queue is full or the dispatcher is stopped.
     */
    public boolean dispatch(Delivery delivery) {
        ExecutorService running = executor;
        if (running == null) {
            LOG.warn("notification for sub {} to {} dropped: dispatcher not running", delivery.subscriptionRi(),
                    delivery.target());
            return false;
        }
        TargetQueue queue = queues.computeIfAbsent(delivery.url(), k -> new TargetQueue());
        boolean startDrain;
        synchronized (queue) {
            if (queue.pending.size() >= settings.queueCapacity()) {
                LOG.warn("notification for sub {} to {} dropped: {} notifications already waiting",
                        delivery.subscriptionRi(), delivery.target(), queue.pending.size());
                return false;
            }
            if (LATEST.equals(delivery.request().eventCategory())) {
                // ln (latestNotify, ec=4): a newer notification replaces the ones of the same subscription and
                // target still waiting (TS-0004 7.5.1.2.2, digest §6.1/§8.5)
                queue.pending.removeIf(d -> d.subscriptionRi().equals(delivery.subscriptionRi())
                        && d.target().equals(delivery.target()));
            }
            queue.pending.add(delivery);
            startDrain = !queue.draining;
            queue.draining = true;
        }
        if (startDrain) {
            try {
                running.execute(() -> drain(delivery.url(), queue));
            } catch (RuntimeException e) {
                synchronized (queue) {
                    queue.draining = false;
                    queue.pending.clear();
                }
                return false;
            }
        }
        return true;
    }

    /**
     * Drops the deliveries still waiting for one subscription's target, e.g. once that target was removed from
     * {@code nu}; returns how many were dropped.
     */
    public int discard(String subscriptionRi, String target) {
        int dropped = 0;
        for (TargetQueue queue : queues.values()) {
            synchronized (queue) {
                int before = queue.pending.size();
                queue.pending.removeIf(d -> d.subscriptionRi().equals(subscriptionRi) && d.target().equals(target));
                dropped += before - queue.pending.size();
            }
        }
        return dropped;
    }

    private void drain(String url, TargetQueue queue) {
        while (true) {
            Delivery next;
            synchronized (queue) {
                next = queue.pending.poll();
                if (next == null) {
                    queue.draining = false;
                    return;
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            deliver(next);
        }
    }

    private void deliver(Delivery delivery) {
        Response last = null;
        Duration pause = settings.initialBackoff();
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            last = sendNow(delivery.url(), delivery.request());
            if (last.isSuccess()) {
                LOG.debug("notification for sub {} delivered to {} (attempt {})", delivery.subscriptionRi(),
                        delivery.target(), attempt);
                notifyListener(() -> listener.delivered(delivery));
                return;
            }
            LOG.debug("notification for sub {} to {} failed with {} (attempt {}/{})", delivery.subscriptionRi(),
                    delivery.target(), last.statusCode(), attempt, settings.attempts());
            if (attempt < settings.attempts()) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                        : pause.multipliedBy(2);
            }
        }
        Response failure = last;
        LOG.info("notification for sub {} to {} failed after {} attempts: {}", delivery.subscriptionRi(),
                delivery.target(), settings.attempts(), failure.statusCode());
        notifyListener(() -> listener.failed(delivery, failure));
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("delivery listener failed", e);
        }
    }

    /**
     * Sends one request now and waits for the answer at most {@link Settings#timeout()}; used for each delivery
     * attempt and for verification requests. Never throws.
     */
    public Response sendNow(String url, Request request) {
        Optional<RemoteSender> sender = sender(url);
        if (sender.isEmpty()) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "no sender for " + url);
        }
        ExecutorService running = executor;
        if (running == null) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "notification dispatcher is stopped");
        }
        Future<Response> answer;
        try {
            answer = running.submit(() -> sender.get().send(url, request));
        } catch (RuntimeException e) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "notification dispatcher is stopped");
        }
        try {
            Response response = answer.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return response == null
                    ? Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "no response from " + url) : response;
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Response.error(ResponseStatusCode.REQUEST_TIMEOUT, "no response from " + url + " within "
                    + settings.timeout());
        } catch (ExecutionException e) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "sending to " + url + " failed: "
                    + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "interrupted while sending to " + url);
        }
    }

    private Optional<RemoteSender> sender(String url) {
        return senders.stream().filter(s -> s.supports(url)).findFirst();
    }
}
