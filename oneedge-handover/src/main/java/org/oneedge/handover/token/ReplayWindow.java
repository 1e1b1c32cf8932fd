package org.oneedge.handover.token;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Remembers the {@code jti} of tokens accepted until they expire, in bounded memory. When full, the entry that
 * expires first is forgotten and its expiry becomes a floor: tokens expiring at or before the floor are refused,
 * because the window can no longer prove they were not seen (safe rather than permissive).
 */
final class ReplayWindow {

    private record Seen(String jti, Instant expiresAt) {
    }

    private final int capacity;
    private final Map<String, Instant> seen = new HashMap<>();
    private final PriorityQueue<Seen> byExpiry = new PriorityQueue<>((a, b) -> a.expiresAt.compareTo(b.expiresAt));
    private Instant floor = Instant.MIN;

    ReplayWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records the jti; false when it was seen before or is older than what the window can vouch for. */
    synchronized boolean firstUse(String jti, Instant expiresAt, Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt.isBefore(now)) {
            seen.remove(byExpiry.poll().jti);
        }
        if (seen.containsKey(jti) || !expiresAt.isAfter(floor)) {
            return false;
        }
        if (seen.size() >= capacity) {
            Seen evicted = byExpiry.poll();
            seen.remove(evicted.jti);
            floor = evicted.expiresAt.isAfter(floor) ? evicted.expiresAt : floor;
        }
        seen.put(jti, expiresAt);
        byExpiry.add(new Seen(jti, expiresAt));
        return true;
    }

    synchronized int size() {
        return seen.size();
    }
}
