package org.oneedge.mec.platform;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The subscriptions of one MEC API (MEC 009 subscribe/notify pattern): id allocation, the MEC host view a subscription
 * was created in, its owner (e.g. the {@code appInstanceId} of MEC 011 paths), its callback and
 * {@code expiryDeadline}. Get one from {@link MecPlatformContext#newSubscriptionRegistry(String)}: the platform then
 * calls {@link #expireDue()} every {@code expiryCheckInterval}, removing expired entries and handing each to the
 * {@link #onExpiry(Consumer) expiry listener} (which typically sends an {@code ExpiryNotification} where the API
 * defines one).
 *
 * @param <S> the API's subscription record, stored as the server returns it (with {@code _links})
 */
public final class SubscriptionRegistry<S> {

    /**
     * One stored subscription.
     *
     * @param id             the subscription id (the last path segment of its resource URI)
     * @param hostName       MEC host view it was created in; {@code null} = system-wide
     * @param owner          owning app instance or other scope key; {@code null} if the API has none
     * @param callback       where notifications go
     * @param expiryDeadline when it expires; {@code null} = never
     * @param subscription   the API's subscription representation
     */
    public record Entry<S>(String id, String hostName, String owner, URI callback, Instant expiryDeadline,
                           S subscription) {

        /** Visible from the given view: the system-wide view ({@code null}) sees all, a host view its own. */
        public boolean visibleFrom(String viewHostName) {
            return viewHostName == null || viewHostName.equals(hostName);
        }
    }

    private final String idPrefix;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Entry<S>> entries = new ConcurrentHashMap<>();
    private final List<Consumer<Entry<S>>> expiryListeners = new CopyOnWriteArrayList<>();

    public SubscriptionRegistry(String idPrefix, Clock clock) {
        this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a new subscription. {@code build} receives the allocated id and returns the representation to store
     * (so {@code _links.self.href} can contain the id).
     */
    public Entry<S> add(String hostName, String owner, URI callback, Instant expiryDeadline, Function<String, S> build) {
        String id = idPrefix + sequence.incrementAndGet();
        Entry<S> entry = new Entry<>(id, hostName, owner, callback, expiryDeadline, build.apply(id));
        entries.put(id, entry);
        return entry;
    }

    /** Replaces the stored representation/deadline of an existing subscription (PUT); empty if unknown. */
    public Optional<Entry<S>> replace(String id, URI callback, Instant expiryDeadline, S subscription) {
        Entry<S> updated = entries.computeIfPresent(id, (k, old) -> new Entry<>(id, old.hostName(), old.owner(),
                callback, expiryDeadline, subscription));
        return Optional.ofNullable(updated);
    }

    public Optional<Entry<S>> get(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** The entry if it exists and is visible from the view and (when {@code owner != null}) has that owner. */
    public Optional<Entry<S>> get(String id, String viewHostName, String owner) {
        return get(id).filter(e -> e.visibleFrom(viewHostName) && (owner == null || owner.equals(e.owner())));
    }

    public Optional<Entry<S>> remove(String id) {
        return Optional.ofNullable(entries.remove(id));
    }

    /** Removes all subscriptions of an owner (e.g. a terminated app instance), returning them. */
    public List<Entry<S>> removeOwnedBy(String owner) {
        List<Entry<S>> removed = new ArrayList<>();
        entries.values().removeIf(e -> {
            boolean match = owner.equals(e.owner());
            if (match) {
                removed.add(e);
            }
            return match;
        });
        return removed;
    }

    /** All entries in creation order. */
    public List<Entry<S>> all() {
        return entries.values().stream().sorted(Comparator.comparingLong(e -> sequenceOf(e.id()))).toList();
    }

    /** Entries matching {@code filter}, in creation order. */
    public List<Entry<S>> matching(Predicate<Entry<S>> filter) {
        return all().stream().filter(filter).toList();
    }

    public int size() {
        return entries.size();
    }

    /** Registers a listener called for each subscription removed by {@link #expireDue()}. */
    public void onExpiry(Consumer<Entry<S>> listener) {
        expiryListeners.add(listener);
    }

    /** Removes the subscriptions whose deadline is at or before the clock's now and notifies the listeners. */
    public List<Entry<S>> expireDue() {
        Instant now = clock.instant();
        List<Entry<S>> expired = new ArrayList<>();
        for (Entry<S> e : entries.values()) {
            if (e.expiryDeadline() != null && !e.expiryDeadline().isAfter(now) && entries.remove(e.id(), e)) {
                expired.add(e);
            }
        }
        for (Entry<S> e : expired) {
            for (Consumer<Entry<S>> listener : expiryListeners) {
                listener.accept(e);
            }
        }
        return expired;
    }

    private long sequenceOf(String id) {
        try {
            return Long.parseLong(id.substring(idPrefix.length()));
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }
}
