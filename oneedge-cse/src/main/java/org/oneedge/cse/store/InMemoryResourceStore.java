package org.oneedge.cse.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.oneedge.model.ResourceType;

/**
 * A {@link ResourceStore} held in memory, for tests and for nodes that need no persistence.
 * Children are kept per parent in creation order, also per type, so that {@code la}/{@code ol} and children of one
 * type cost O(log n) however many other children there are; an index by {@code et} keeps the expiry sweep cheap.
 */
public final class InMemoryResourceStore implements ResourceStore {

    /** Orders siblings by creation time, then {@code ri}, as the store contract requires. */
    private record ChildKey(Instant createdAt, String ri) implements Comparable<ChildKey> {
        private static final Comparator<ChildKey> ORDER =
                Comparator.comparing(ChildKey::createdAt).thenComparing(ChildKey::ri);

        static ChildKey of(Resource r) {
            return new ChildKey(r.createdAt(), r.ri());
        }

        @Override
        public int compareTo(ChildKey other) {
            return ORDER.compare(this, other);
        }
    }

    private static final Comparator<Resource> CREATION_ORDER =
            Comparator.comparing(Resource::createdAt).thenComparing(Resource::ri);

    private final Map<String, Resource> byRi = new ConcurrentHashMap<>();
    private final Map<String, String> riByPath = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<ChildKey, Resource>> childrenByParent = new ConcurrentHashMap<>();
    private final Map<TypedParent, NavigableMap<ChildKey, Resource>> childrenByParentAndType = new ConcurrentHashMap<>();
    private final NavigableMap<ExpiryKey, Resource> byExpiry = new ConcurrentSkipListMap<>();

    /** Key of the per-type child index. */
    private record TypedParent(String pi, ResourceType type) {}

    /** Orders resources by {@code et}, then {@code ri}. */
    private record ExpiryKey(Instant expiresAt, String ri) implements Comparable<ExpiryKey> {
        private static final Comparator<ExpiryKey> ORDER =
                Comparator.comparing(ExpiryKey::expiresAt).thenComparing(ExpiryKey::ri);

        @Override
        public int compareTo(ExpiryKey other) {
            return ORDER.compare(this, other);
        }
    }
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    @Override
    public Optional<Resource> get(String ri) {
        return Optional.ofNullable(byRi.get(ri));
    }

    @Override
    public Optional<Resource> getByPath(String path) {
        String ri = riByPath.get(path);
        return ri == null ? Optional.empty() : get(ri);
    }

    @Override
    public void apply(List<Write> writes) {
        lock.writeLock().lock();
        try {
            checkAll(writes);
            for (Write write : writes) {
                switch (write) {
                    case Write.Create c -> insert(c.resource());
                    case Write.Update u -> replace(u.resource());
                    case Write.Delete d -> deleteSubtree(d.ri());
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Validates the whole batch against the current state plus the batch's own earlier writes, before changing anything. */
    private void checkAll(List<Write> writes) {
        Map<String, String> pathsAdded = new HashMap<>();
        Map<String, Boolean> present = new HashMap<>();
        for (Write write : writes) {
            switch (write) {
                case Write.Create c -> {
                    Resource r = c.resource();
                    if (present.getOrDefault(r.ri(), byRi.containsKey(r.ri()))) {
                        throw StoreConflictException.resourceIdTaken(r.ri(), null);
                    }
                    boolean pathTaken = pathsAdded.containsKey(r.path())
                            || (riByPath.containsKey(r.path()) && present.getOrDefault(riByPath.get(r.path()), true));
                    if (pathTaken) {
                        throw new StoreConflictException("a resource named " + r.rn() + " already exists under " + r.pi());
                    }
                    pathsAdded.put(r.path(), r.ri());
                    present.put(r.ri(), true);
                }
                case Write.Update u -> {
                    Resource r = u.resource();
                    if (!present.getOrDefault(r.ri(), byRi.containsKey(r.ri()))) {
                        throw new StoreConflictException("resource " + r.ri() + " does not exist");
                    }
                }
                case Write.Delete d -> {
                    present.put(d.ri(), false);
                    Resource r = byRi.get(d.ri());
                    if (r != null) {
                        pathsAdded.remove(r.path());
                    }
                }
            }
        }
    }

    private void insert(Resource r) {
        byRi.put(r.ri(), r);
        riByPath.put(r.path(), r.ri());
        childrenByParent.computeIfAbsent(r.pi(), k -> new ConcurrentSkipListMap<>()).put(ChildKey.of(r), r);
        childrenByParentAndType.computeIfAbsent(new TypedParent(r.pi(), r.type()), k -> new ConcurrentSkipListMap<>())
                .put(ChildKey.of(r), r);
        if (r.expiresAt() != null) {
            byExpiry.put(new ExpiryKey(r.expiresAt(), r.ri()), r);
        }
    }

    /** Overwrites in place, so that lock-free readers never see the resource missing in between. */
    private void replace(Resource r) {
        Resource old = byRi.get(r.ri());
        if (!old.path().equals(r.path()) || !old.pi().equals(r.pi()) || old.type() != r.type()
                || !old.createdAt().equals(r.createdAt())) {
            unlink(old);
            insert(r);
            return;
        }
        byRi.put(r.ri(), r);
        ChildKey key = ChildKey.of(r);
        NavigableMap<ChildKey, Resource> siblings = childrenByParent.get(r.pi());
        if (siblings != null) {
            siblings.put(key, r);
        }
        NavigableMap<ChildKey, Resource> sameType = childrenByParentAndType.get(new TypedParent(r.pi(), r.type()));
        if (sameType != null) {
            sameType.put(key, r);
        }
        if (r.expiresAt() != null) {
            byExpiry.put(new ExpiryKey(r.expiresAt(), r.ri()), r);
        }
        if (old.expiresAt() != null && !old.expiresAt().equals(r.expiresAt())) {
            byExpiry.remove(new ExpiryKey(old.expiresAt(), old.ri()));
        }
    }

    private void unlink(Resource r) {
        byRi.remove(r.ri());
        riByPath.remove(r.path(), r.ri());
        NavigableMap<ChildKey, Resource> siblings = childrenByParent.get(r.pi());
        if (siblings != null) {
            siblings.remove(ChildKey.of(r));
        }
        NavigableMap<ChildKey, Resource> sameType = childrenByParentAndType.get(new TypedParent(r.pi(), r.type()));
        if (sameType != null) {
            sameType.remove(ChildKey.of(r));
        }
        if (r.expiresAt() != null) {
            byExpiry.remove(new ExpiryKey(r.expiresAt(), r.ri()));
        }
    }

    private void deleteSubtree(String ri) {
        Resource r = byRi.get(ri);
        if (r == null) {
            return;
        }
        NavigableMap<ChildKey, Resource> children = childrenByParent.remove(ri);
        if (children != null) {
            java.util.Set<ResourceType> childTypes = java.util.EnumSet.noneOf(ResourceType.class);
            for (Resource child : List.copyOf(children.values())) {
                childTypes.add(child.type());
                deleteSubtree(child.ri());
            }
            for (ResourceType type : childTypes) {
                childrenByParentAndType.remove(new TypedParent(ri, type));
            }
        }
        unlink(r);
    }

    @Override
    public List<Resource> children(String pi, ResourceType type, int offset, int limit) {
        lock.readLock().lock();
        try {
            NavigableMap<ChildKey, Resource> children = type == null ? childrenByParent.get(pi)
                    : childrenByParentAndType.get(new TypedParent(pi, type));
            if (children == null) {
                return List.of();
            }
            List<Resource> result = new ArrayList<>();
            int skipped = 0;
            for (Resource child : children.values()) {
                if (skipped++ < offset) {
                    continue;
                }
                if (result.size() >= limit) {
                    break;
                }
                result.add(child);
            }
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long countChildren(String pi, ResourceType type) {
        NavigableMap<ChildKey, Resource> children = type == null ? childrenByParent.get(pi)
                : childrenByParentAndType.get(new TypedParent(pi, type));
        return children == null ? 0 : children.size();
    }

    @Override
    public Optional<Resource> oldestChild(String pi, ResourceType type) {
        NavigableMap<ChildKey, Resource> children = childrenByParentAndType.get(new TypedParent(pi, type));
        var first = children == null ? null : children.firstEntry();
        return first == null ? Optional.empty() : Optional.of(first.getValue());
    }

    @Override
    public Optional<Resource> latestChild(String pi, ResourceType type) {
        NavigableMap<ChildKey, Resource> children = childrenByParentAndType.get(new TypedParent(pi, type));
        var last = children == null ? null : children.lastEntry();
        return last == null ? Optional.empty() : Optional.of(last.getValue());
    }

    @Override
    public List<Resource> descendants(String path, int maxLevel, Set<ResourceType> types) {
        lock.readLock().lock();
        try {
            Resource root = getByPath(path).orElse(null);
            if (root == null) {
                return List.of();
            }
            List<Resource> result = new ArrayList<>();
            collect(root, 1, maxLevel, types, result);
            result.sort(CREATION_ORDER);
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void collect(Resource parent, int level, int maxLevel, Set<ResourceType> types, List<Resource> out) {
        if (maxLevel > 0 && level > maxLevel) {
            return;
        }
        NavigableMap<ChildKey, Resource> children = childrenByParent.get(parent.ri());
        if (children == null) {
            return;
        }
        for (Resource child : children.values()) {
            if (types.isEmpty() || types.contains(child.type())) {
                out.add(child);
            }
            collect(child, level + 1, maxLevel, types, out);
        }
    }

    @Override
    public List<Resource> expiredBefore(Instant instant, int limit) {
        List<Resource> result = new ArrayList<>();
        for (Resource r : byExpiry.values()) {
            if (result.size() >= limit || !r.expiresAt().isBefore(instant)) {
                break;
            }
            result.add(r);
        }
        return result;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
