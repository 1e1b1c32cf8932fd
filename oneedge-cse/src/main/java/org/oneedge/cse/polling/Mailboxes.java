package org.oneedge.cse.polling;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-entity queues behind polling channels (TS-0004 7.4.21, 7.4.22 and 7.5.1.2.7, digest §8.3; the target
 * resolution that leads here is TS-0004 7.5.1.2.2, digest §6.7): bounded FIFO queues of requests for
 * entities that cannot be reached, each message dropped after its time to live; a notification with event category
 * latest ({@code ec}=4, a subscription's {@code ln}, digest §6.1) replaces the waiting one of its subscription.
 *
 * <h2>Exactly-once delivery</h2>
 * Every message is, at any moment, in exactly one of three places, and moves only as drawn:
 * <pre>
 *  offer ─► QUEUED ──poll takes the head──► HANDED (to that one poll) ──m2m:rsp with its rqi──► ANSWERED (gone)
 *             ▲                                  │
 *             └── the entity polls again ────────┘  (back at the head, in the order they were handed out)
 * </pre>
 * <ul>
 *   <li>A message is removed only when its delivery is confirmed, and the confirmation is the entity's own response
 *       primitive for it: a NOTIFY to {@code pcu} with {@code {"m2m:rsp":{"rqi":…}}} (digest §8.3 "Answer path").</li>
 *   <li>A message is held by at most one poll: taking it from the queue and marking it handed happen under the
 *       mailbox lock, and a newer poll of the same entity makes an older parked one give up (4008) before it can
 *       take anything.</li>
 *   <li>The protocol an entity follows: one poll at a time, and answer every message before polling again. A new
 *       poll while messages are still handed and unanswered therefore means those messages did not reach the entity
 *       (the poll's connection died while the message was in flight): they go back to the head of the queue, in
 *       order, and come with this very poll, keeping their {@code rqi}.</li>
 *   <li>The one case the CSE cannot tell apart: the entity received and processed a message but its answer was
 *       lost. It then gets the message again with the same {@code rqi}, and must de-duplicate by {@code rqi} (the SDK's
 *       {@code PollingChannelClient} does: it answers again with the response it gave the first time and does not
 *       process the message twice). Together this gives exactly-once processing.</li>
 *   <li>An answer for an {@code rqi} that was already answered changes nothing (repeated answers are harmless); an
 *       answer for an {@code rqi} never handed to the entity is refused (4004).</li>
 *   <li>A request whose requester stopped waiting (4008) is withdrawn: taken out of the queue, or, when already
 *       handed, never handed out again.</li>
 * </ul>
 * Each offered message carries a future completed with the entity's answer, so a blocking request (TS-0001 8.2.2,
 * digest §2.1 {@code rt}=3) waiting for the entity gets the entity's own response (TS-0004 7.5.1.2.7, digest §8.3:
 * "the CSE passes the response back to the original sender").
 */
final class Mailboxes {

    private static final Logger LOG = LoggerFactory.getLogger(Mailboxes.class);
    /** Answered {@code rqi}s remembered per entity, so a repeated answer is recognised as such. */
    private static final int ANSWERED_MEMORY = 1024;

    /** One message with the future its answer completes. */
    private record Message(Request request, Instant expiresAt, CompletableFuture<Response> answer) {}

    /** What became of an entity's answer. */
    enum Answer {
        /** The answer completed a handed message. */
        ACCEPTED,
        /** The message was answered before; nothing changed. */
        REPEATED,
        /** No message with this {@code rqi} was handed to the entity. */
        UNKNOWN
    }

    /** The queue of one entity. */
    private static final class Mailbox {
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        final Deque<Message> queue = new ArrayDeque<>();
        /** Handed to the latest poll and not answered yet, in hand-out order, by rqi. */
        final Map<String, Message> handed = new LinkedHashMap<>();
        final SequencedSet<String> answered = new LinkedHashSet<>();
        /** Handed messages whose requester stopped waiting: not handed out again, a late answer is dropped. */
        final Set<String> abandoned = new HashSet<>();
        long pollGeneration;

        boolean holds(String rqi) {
            return handed.containsKey(rqi) || queue.stream().anyMatch(m -> m.request().requestId().equals(rqi));
        }
    }

    private final PollingChannelSettings settings;
    private final Clock clock;
    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();

    Mailboxes(PollingChannelSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Queues a request for an entity.
     *
     * @return completed with the entity's answer (or 4008 when the message expires unpolled)
     * @throws OneM2MException 5103 when the queue is full; 4105 when a message with the same {@code rqi} is already
     *                         waiting for the entity (answers are matched by {@code rqi})
     */
    CompletableFuture<Response> offer(String owner, Request request) {
        Mailbox box = mailboxes.computeIfAbsent(owner, k -> new Mailbox());
        box.lock.lock();
        try {
            dropExpired(box, clock.instant(), owner);
            if (box.holds(request.requestId())) {
                throw new OneM2MException(ResponseStatusCode.CONFLICT, "a request with rqi '" + request.requestId()
                        + "' is already waiting for " + owner + " on its polling channel; rqi must be unique");
            }
            if (box.queue.size() + box.handed.size() >= settings.queueCapacity()) {
                LOG.warn("polling channel of {}: {} messages waiting, request {} refused", owner, box.queue.size(),
                        request.requestId());
                throw new OneM2MException(ResponseStatusCode.TARGET_NOT_REACHABLE, "the polling channel queue of "
                        + owner + " is full (" + settings.queueCapacity() + " messages)");
            }
            String sur = latestSubscription(request);
            if (sur != null) { // ec=latest: one waiting notification per subscription (digest §6.1 ln)
                box.queue.removeIf(q -> sur.equals(latestSubscription(q.request())));
            }
            Message message = new Message(request, clock.instant().plus(settings.messageTtl()),
                    new CompletableFuture<>());
            box.queue.addLast(message);
            box.changed.signalAll();
            LOG.debug("polling channel of {}: queued {} {} ({} waiting)", owner, request.operation(),
                    request.requestId(), box.queue.size());
            return message.answer();
        } finally {
            box.lock.unlock();
        }
    }

    /**
     * Waits up to {@code timeout} for the entity's next message and hands it to this poll. Messages handed to an
     * earlier poll and not answered go back to the head of the queue first (see the class comment). Empty on timeout
     * or when a newer poll of the same entity took over.
     */
    Optional<Request> poll(String owner, Duration timeout) throws InterruptedException {
        Mailbox box = mailboxes.computeIfAbsent(owner, k -> new Mailbox());
        long deadline = System.nanoTime() + timeout.toNanos();
        box.lock.lock();
        try {
            long generation = ++box.pollGeneration;
            box.changed.signalAll(); // an older parked poll of this entity gives up
            requeueHanded(box, owner);
            while (true) {
                dropExpired(box, clock.instant(), owner);
                Message next = box.queue.pollFirst();
                if (next != null) {
                    box.handed.put(next.request().requestId(), next);
                    return Optional.of(next.request());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                box.changed.await(left, TimeUnit.NANOSECONDS);
                if (generation != box.pollGeneration) {
                    return Optional.empty();
                }
            }
        } finally {
            box.lock.unlock();
        }
    }

    /** Takes the entity's answer to a message it polled and passes it to whoever waits for it. */
    Answer answer(String owner, String requestId, Response response) {
        Mailbox box = mailboxes.get(owner);
        if (box == null) {
            return Answer.UNKNOWN;
        }
        Message message;
        box.lock.lock();
        try {
            message = box.handed.remove(requestId);
            if (message == null) {
                return box.answered.contains(requestId) ? Answer.REPEATED : Answer.UNKNOWN;
            }
            box.abandoned.remove(requestId);
            remember(box, requestId);
        } finally {
            box.lock.unlock();
        }
        message.answer().complete(response);
        return Answer.ACCEPTED;
    }

    /**
     * Takes back a message whose requester stopped waiting: a queued one is removed; a handed one stays handed so the
     * entity's late answer is still accepted (and dropped), but it is never handed out again.
     */
    void withdraw(String owner, String requestId) {
        Mailbox box = mailboxes.get(owner);
        if (box == null) {
            return;
        }
        box.lock.lock();
        try {
            box.queue.removeIf(m -> m.request().requestId().equals(requestId));
            if (box.handed.containsKey(requestId)) {
                box.abandoned.add(requestId);
            }
        } finally {
            box.lock.unlock();
        }
    }

    private static void remember(Mailbox box, String requestId) {
        box.answered.addLast(requestId);
        if (box.answered.size() > ANSWERED_MEMORY) {
            box.answered.removeFirst();
        }
    }

    /** Messages queued or handed and unanswered for an entity. */
    int pending(String owner) {
        Mailbox box = mailboxes.get(owner);
        if (box == null) {
            return 0;
        }
        box.lock.lock();
        try {
            return box.queue.size() + box.handed.size();
        } finally {
            box.lock.unlock();
        }
    }

    /** Forgets every queue; whoever still waits for an answer gets 5103. */
    void clear() {
        for (Mailbox box : mailboxes.values()) {
            box.lock.lock();
            try {
                List<Message> all = new ArrayList<>(box.queue);
                all.addAll(box.handed.values());
                box.queue.clear();
                box.handed.clear();
                box.abandoned.clear();
                all.forEach(m -> m.answer().complete(Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE,
                        "the CSE stopped before the entity answered")));
            } finally {
                box.lock.unlock();
            }
        }
        mailboxes.clear();
    }

    private static void requeueHanded(Mailbox box, String owner) {
        if (box.handed.isEmpty()) {
            return;
        }
        List<Message> again = new ArrayList<>();
        for (Message m : box.handed.values()) {
            String rqi = m.request().requestId();
            if (box.abandoned.remove(rqi)) { // its requester gave up: not delivered again, a late answer is a repeat
                remember(box, rqi);
            } else {
                again.add(m);
            }
        }
        box.handed.clear();
        for (int i = again.size() - 1; i >= 0; i--) {
            LOG.debug("polling channel of {}: {} not answered before the next poll, queued again at the head", owner,
                    again.get(i).request().requestId());
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

    private static void dropExpired(Mailbox box, Instant now, String owner) {
        for (Iterator<Message> it = box.queue.iterator(); it.hasNext(); ) {
            Message m = it.next();
            if (!m.expiresAt().isAfter(now)) {
                it.remove();
                LOG.debug("polling channel of {}: request {} expired unpolled", owner, m.request().requestId());
                m.answer().complete(Response.error(ResponseStatusCode.REQUEST_TIMEOUT, "request "
                        + m.request().requestId() + " expired in the polling channel queue of " + owner));
            }
        }
    }
}
