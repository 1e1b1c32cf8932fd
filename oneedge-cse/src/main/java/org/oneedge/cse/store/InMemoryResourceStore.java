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
 * Children are kept per parent in creation order so that {@code la}/{@code ol} cost O(log n).
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
                        throw new StoreConflictException("resource " + r.ri() + " already exists");
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
    }

    /** Overwrites in place, so that a concurrent reader sees the old or the new version, never none. */
    private void replace(Resource r) {
        Resource old = byRi.put(r.ri(), r);
        riByPath.put(r.path(), r.ri());
        if (!old.path().equals(r.path())) {
            riByPath.remove(old.path(), r.ri());
        }
        ChildKey oldKey = ChildKey.of(old);
        ChildKey newKey = ChildKey.of(r);
        childrenByParent.computeIfAbsent(r.pi(), k -> new ConcurrentSkipListMap<>()).put(newKey, r);
        if (!old.pi().equals(r.pi()) || !oldKey.equals(newKey)) {
            NavigableMap<ChildKey, Resource> siblings = childrenByParent.get(old.pi());
            if (siblings != null) {
                siblings.remove(oldKey);
            }
        }
    }

    private void unlink(Resource r) {
        byRi.remove(r.ri());
        riByPath.remove(r.path(), r.ri());
        NavigableMap<ChildKey, Resource> siblings = childrenByParent.get(r.pi());
        if (siblings != null) {
            siblings.remove(ChildKey.of(r));
        }
    }

    private void deleteSubtree(String ri) {
        Resource r = byRi.get(ri);
        if (r == null) {
            return;
        }
        NavigableMap<ChildKey, Resource> children = childrenByParent.remove(ri);
        if (children != null) {
            for (Resource child : List.copyOf(children.values())) {
                deleteSubtree(child.ri());
            }
        }
        unlink(r);
    }

    @Override
    public List<Resource> children(String pi, ResourceType type, int offset, int limit) {
        lock.readLock().lock();
        try {
            NavigableMap<ChildKey, Resource> children = childrenByParent.get(pi);
            if (children == null) {
                return List.of();
            }
            List<Resource> result = new ArrayList<>();
            int skipped = 0;
            for (Resource child : children.values()) {
                if (type != null && child.type() != type) {
                    continue;
                }
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
        NavigableMap<ChildKey, Resource> children = childrenByParent.get(pi);
        if (children == null) {
            return 0;
        }
        return type == null ? children.size() : children.values().stream().filter(c -> c.type() == type).count();
    }

    @Override
    public Optional<Resource> oldestChild(String pi, ResourceType type) {
        NavigableMap<ChildKey, Resource> children = childrenByParent.get(pi);
        if (children == null) {
            return Optional.empty();
        }
        return children.values().stream().filter(c -> c.type() == type).findFirst();
    }

    @Override
    public Optional<Resource> latestChild(String pi, ResourceType type) {
        NavigableMap<ChildKey, Resource> children = childrenByParent.get(pi);
        if (children == null) {
            return Optional.empty();
        }
        return children.descendingMap().values().stream().filter(c -> c.type() == type).findFirst();
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
        return byRi.values().stream()
                .filter(r -> r.expiresAt() != null && r.expiresAt().isBefore(instant))
                .sorted(Comparator.comparing(Resource::expiresAt).thenComparing(Resource::ri))
                .limit(limit)
                .toList();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
