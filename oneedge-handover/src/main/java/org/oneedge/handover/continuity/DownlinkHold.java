package org.oneedge.handover.continuity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds downlink requests for an AE while it is {@code MIGRATING} and delivers them, in arrival order, to the
 * target after the switch (HANDOVER.md "Downlink continuity"). Bounded by count and by time; what does not fit or
 * waits too long is handed back to the caller ({@link Held.Overflow}, {@link Released#expired()}) so it can answer
 * the originator with an error; nothing is dropped silently. Thread-safe.
 *
 * @param <T> the held item, e.g. a oneM2M {@code Request}
 */
public final class DownlinkHold<T> {

    /** The outcome of offering an item. */
    public sealed interface Held {
        /** The item waits for the switch. */
        record Accepted(int queued) implements Held {
        }

        /** The hold is full; the item was not taken. */
        record Overflow(int capacity) implements Held {
        }
    }

    /** What {@link #release} did: items delivered in order, and items that waited longer than allowed. */
    public record Released<T>(int delivered, List<T> expired, Duration longestHold) {
    }

    private record Entry<T>(T item, Instant heldAt) {
    }

    private final int capacity;
    private final Duration maxHold;
    private final Clock clock;
    private final Deque<Entry<T>> queue = new ArrayDeque<>();

    public DownlinkHold(int capacity, Duration maxHold, Clock clock) {
        if (capacity < 1 || maxHold.isNegative() || maxHold.isZero()) {
            throw new IllegalArgumentException("capacity and maxHold must be positive");
        }
        this.capacity = capacity;
        this.maxHold = maxHold;
        this.clock = clock;
    }

    public synchronized Held hold(T item) {
        if (queue.size() >= capacity) {
            return new Held.Overflow(capacity);
        }
        queue.addLast(new Entry<>(item, clock.instant()));
        return new Held.Accepted(queue.size());
    }

    /** Removes and returns the items held longer than {@code maxHold}, oldest first. */
    public synchronized List<T> expire() {
        List<T> expired = overdue();
        expired.forEach(item -> queue.pollFirst());
        return expired;
    }

    /**
     * Delivers every item still within {@code maxHold} to {@code sink} in arrival order and empties the hold. If the
     * sink throws, the failed item and those after it stay held, in order, for another release. The sink runs
     * without this hold's lock (it may take long, e.g. a request to a busy CSE), so items can be held and the hold
     * read meanwhile; callers run one release at a time.
     */
    public Released<T> release(Consumer<? super T> sink) {
        List<T> expired = expire();
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        int delivered = 0;
        while (true) {
            Entry<T> next;
            synchronized (this) {
                next = queue.peekFirst();
            }
            if (next == null) {
                break;
            }
            sink.accept(next.item());
            synchronized (this) {
                queue.pollFirst();
            }
            Duration held = Duration.between(next.heldAt(), now);
            longest = held.compareTo(longest) > 0 ? held : longest;
            delivered++;
        }
        return new Released<>(delivered, expired, longest);
    }

    /** The items held longer than {@code maxHold}, oldest first, left in the hold (the next release drops them). */
    public synchronized List<T> overdue() {
        List<T> overdue = new ArrayList<>();
        Instant limit = clock.instant().minus(maxHold);
        for (Entry<T> e : queue) {
            if (!e.heldAt().isBefore(limit)) {
                break;
            }
            overdue.add(e.item());
        }
        return overdue;
    }

    /** How long the oldest item still held has waited; zero when nothing is held. */
    public synchronized Duration longestHeld() {
        return queue.isEmpty() ? Duration.ZERO : Duration.between(queue.peekFirst().heldAt(), clock.instant());
    }

    public synchronized int size() {
        return queue.size();
    }
}
