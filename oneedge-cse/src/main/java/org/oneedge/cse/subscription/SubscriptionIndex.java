package org.oneedge.cse.subscription;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.ResourceType;

/**
 * Which resources have subscriptions, so that an event on a resource without any (the common case, e.g. each new
 * content instance in a busy container) costs one map lookup instead of a scan of its children. Filled from the
 * store at start and kept current from resource events; the subscriptions themselves are always read fresh from the
 * store.
 */
public final class SubscriptionIndex {

    private final Map<String, Set<String>> byParent = new ConcurrentHashMap<>();

    /** Loads every subscription below the CSEBase at {@code cseBasePath}. */
    public void load(ResourceStore store, String cseBasePath) {
        byParent.clear();
        for (Resource sub : store.descendants(cseBasePath, 0, Set.of(ResourceType.SUBSCRIPTION))) {
            added(sub);
        }
    }

    public void added(Resource subscription) {
        byParent.computeIfAbsent(subscription.pi(), k -> ConcurrentHashMap.newKeySet()).add(subscription.ri());
    }

    public void removed(Resource subscription) {
        byParent.computeIfPresent(subscription.pi(), (k, subs) -> {
            subs.remove(subscription.ri());
            return subs.isEmpty() ? null : subs;
        });
    }

    /** Forgets every subscription of a deleted parent. */
    public void parentRemoved(String parentRi) {
        byParent.remove(parentRi);
    }

    /** The ids of the subscriptions of {@code parentRi}, possibly stale by one event. */
    public List<String> subscriptionsOf(String parentRi) {
        Set<String> subs = byParent.get(parentRi);
        return subs == null ? List.of() : List.copyOf(subs);
    }
}
