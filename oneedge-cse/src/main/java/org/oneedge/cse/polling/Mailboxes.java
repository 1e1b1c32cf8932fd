package org.oneedge.cse.polling;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.oneedge.model.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-entity queues behind polling channels (TS-0004 7.5.1.2.7, digest §8.3): bounded FIFO queues of requests
 * (mostly NOTIFYs) for entities that cannot be reached, each message dropped after its time to live; a notification
 * with event category latest ({@code ec}=4, a subscription's {@code ln}) replaces the waiting one of its subscription.
 *
 * <p>Delivery choice: a message handed to a poll is not forgotten but kept <em>in flight</em> until the entity
 * answers it with {@code m2m:rsp} (same {@code rqi}) on {@code pcu}. The engine cannot tell whether the binding managed
 * to write the poll's answer (a client may have disconnected while its poll was parked), so if no answer comes
 * within {@link PollingChannelSettings#ackTimeout()} the message goes back to the head of the queue, keeping its
 * {@code rqi} so the entity can recognise a repeat. A new poll from the entity supersedes a parked older one (which
 * then ends with 4008), so a client that reconnects takes over at once. Thus nothing queued is lost and every
 * answered message is delivered once; only an entity that never answers sees repeats.
 */
final class Mailboxes {

    private static final Logger LOG = LoggerFactory.getLogger(Mailboxes.class);

    /** One queued message. */
    private record Queued(Request request, Instant expiresAt) {}

    /** A message handed to a poll and not yet answered. */
    private record InFlight(Queued message, Instant redeliverAt) {}

    /** The queue of one entity. */
    private static final class Mailbox {
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        final Deque<Queued> queue = new ArrayDeque<>();
        final Map<String, InFlight> inFlight = new LinkedHashMap<>();
        long pollGeneration;
    }

    private final PollingChannelSettings settings;
    private final Clock clock;
    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();

    Mailboxes(PollingChannelSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues a request for an entity; false when its queue is full. */
    boolean offer(String owner, Request request) {
        Mailbox box = mailboxes.computeIfAbsent(owner, k -> new Mailbox());
        box.lock.lock();
        try {
            dropExpired(box, clock.instant());
            if (box.queue.size() + box.inFlight.size() >= settings.queueCapacity()) {
                LOG.warn("polling channel of {}: {} messages waiting, request {} refused", owner, box.queue.size(),
                        request.requestId());
                return false;
            }
            String sur = latestSubscription(request);
            if (sur != null) { // ec=latest: one waiting notification per subscription (digest §8.5)
                box.queue.removeIf(q -> sur.equals(latestSubscription(q.request())));
            }
            box.queue.addLast(new Queued(request, clock.instant().plus(settings.messageTtl())));
            box.changed.signalAll();
            LOG.debug("polling channel of {}: queued {} {} ({} waiting)", owner, request.operation(),
                    request.requestId(), box.queue.size());
            return true;
        } finally {
            box.lock.unlock();
        }
    }

    /**
     * Waits up to {@code timeout} for the entity's next message and hands it out (in flight); empty on timeout or when
     * a newer poll of the same entity took over.
     */
    Optional<Request> poll(String owner, Duration timeout) throws InterruptedException {
        Mailbox box = mailboxes.computeIfAbsent(owner, k -> new Mailbox());
        long deadline = System.nanoTime() + timeout.toNanos();
        box.lock.lock();
        try {
            long generation = ++box.pollGeneration;
            box.changed.signalAll(); // an older parked poll of this entity gives up
            while (true) {
                Instant now = clock.instant();
                requeueUnanswered(box, now, owner);
                dropExpired(box, now);
                Queued next = box.queue.pollFirst();
                if (next != null) {
                    box.inFlight.put(next.request().requestId(),
                            new InFlight(next, now.plus(settings.ackTimeout())));
                    return Optional.of(next.request());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || generation != box.pollGeneration) {
                    return Optional.empty();
                }
                long wait = Math.min(left, nanosUntilRedelivery(box, now));
                box.changed.await(Math.max(wait, TimeUnit.MILLISECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                if (generation != box.pollGeneration) {
                    return Optional.empty();
                }
            }
        } finally {
            box.lock.unlock();
        }
    }

    /** Records the entity's answer to a message it got; false when no message with this {@code rqi} is in flight. */
    boolean acknowledge(String owner, String requestId) {
        Mailbox box = mailboxes.get(owner);
        if (box == null) {
            return false;
        }
        box.lock.lock();
        try {
            return box.inFlight.remove(requestId) != null;
        } finally {
            box.lock.unlock();
        }
    }

    /** Messages queued or in flight for an entity. */
    int pending(String owner) {
        Mailbox box = mailboxes.get(owner);
        if (box == null) {
            return 0;
        }
        box.lock.lock();
        try {
            return box.queue.size() + box.inFlight.size();
        } finally {
            box.lock.unlock();
        }
    }

    void clear() {
        mailboxes.clear();
    }

    private void requeueUnanswered(Mailbox box, Instant now, String owner) {
        List<Queued> again = new ArrayList<>();
        for (Iterator<InFlight> it = box.inFlight.values().iterator(); it.hasNext(); ) {
            InFlight f = it.next();
            if (!f.redeliverAt().isAfter(now)) {
                it.remove();
                again.add(f.message());
            }
        }
        for (int i = again.size() - 1; i >= 0; i--) {
            LOG.debug("polling channel of {}: {} not answered, queued again", owner, again.get(i).request().requestId());
            box.queue.addFirst(again.get(i));
        }
    }

    /** The {@code sur} of a notification with event category latest ({@code ec}=4), else null. */
    private static String latestSubscription(Request request) {
        if (!"4".equals(request.eventCategory()) || request.content() == null) {
            return null;
        }
        JsonNode sur = request.content().path("m2m:sgn").get("sur");
        return sur != null && sur.isTextual() ? sur.asText() : null;
    }

    private static void dropExpired(Mailbox box, Instant now) {
        box.queue.removeIf(q -> {
            boolean expired = !q.expiresAt().isAfter(now);
            if (expired) {
                LOG.debug("polling channel: request {} expired unpolled", q.request().requestId());
            }
            return expired;
        });
    }

    private static long nanosUntilRedelivery(Mailbox box, Instant now) {
        long min = Long.MAX_VALUE;
        for (InFlight f : box.inFlight.values()) {
            min = Math.min(min, Duration.between(now, f.redeliverAt()).toNanos());
        }
        return min;
    }
}
