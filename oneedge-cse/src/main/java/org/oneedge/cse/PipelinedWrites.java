package org.oneedge.cse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.Submission;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;

/**
 * The store as writers see it while they hold {@link WriteLocks}: the durable store plus the batches submitted under
 * those locks whose commit is still pending. With it a CREATE releases its parent's lock as soon as its batch is
 * queued and awaits the durable commit outside the lock, so concurrent creates in one container share group commits
 * instead of serialising on one commit each, while the next writer under the lock still builds on the exact
 * {@code cni}/{@code cbs}/{@code st} and sees pending names and pruned instances.
 *
 * <pre>
 *  lock(container) ─ read via this view ─ submit(batch) ─ unlock ─ await(durable) ─ forget ─ respond
 *                                               │
 *                     store queue: … batch n, batch n+1 … ─► one COMMIT for the group, in order
 * </pre>
 *
 * <p>A batch that writes a resource with a pending version is submitted as building on that version's batch: if the
 * earlier batch fails, the store fails the later one too, so no counter ever includes a write that was not stored.
 * Only {@link #get}, {@link #getByPath} and {@link #children} see pending batches (what handlers read under a
 * lock); the other reads and every reader outside a lock see committed state only, so nothing is visible to
 * clients before it is durable.
 */
final class PipelinedWrites implements ResourceStore {

    private static final Comparator<Resource> CREATION_ORDER =
            Comparator.comparing(Resource::createdAt).thenComparing(Resource::ri);

    /**
     * The newest pending version of one resource.
     *
     * @param resource null when the pending batch deletes it
     * @param created  true while the resource itself is not committed yet (pending CREATE)
     */
    private record Entry(Resource resource, boolean created, Submission submission) {}

    private final ResourceStore store;
    private final Map<String, Entry> byRi = new ConcurrentHashMap<>();
    private final Map<String, Entry> byPath = new ConcurrentHashMap<>();

    PipelinedWrites(ResourceStore store) {
        this.store = store;
    }

    /** A submitted batch; {@link #await} it (outside the locks if wanted), which also forgets its pending versions. */
    final class Pending {
        private final Submission submission;
        private final List<Map.Entry<String, Entry>> byRiEntries;
        private final List<Map.Entry<String, Entry>> byPathEntries;

        private Pending(Submission submission, List<Map.Entry<String, Entry>> byRiEntries,
                        List<Map.Entry<String, Entry>> byPathEntries) {
            this.submission = submission;
            this.byRiEntries = byRiEntries;
            this.byPathEntries = byPathEntries;
        }

        /** Returns once the batch is durable; throws the store's exception when it failed. */
        void await() {
            try {
                submission.await();
            } finally {
                // committed (the store now answers with it) or failed (the store never had it): either way the
                // store is right again for these resources, unless a later batch wrote them meanwhile
                for (var e : byRiEntries) {
                    byRi.remove(e.getKey(), e.getValue());
                }
                for (var e : byPathEntries) {
                    byPath.remove(e.getKey(), e.getValue());
                }
            }
        }
    }

    /**
     * Queues the batch behind every earlier one; the caller holds the write locks of what the batch writes.
     * It is visible to {@link #get}/{@link #getByPath}/{@link #children} until awaited.
     */
    Pending submit(List<Write> batch) {
        List<Submission> after = new ArrayList<>(2);
        for (Write write : batch) {
            String ri = switch (write) {
                case Write.Create c -> null;
                case Write.Update u -> u.resource().ri();
                case Write.Delete d -> d.ri();
            };
            Entry earlier = ri == null ? null : byRi.get(ri);
            if (earlier != null && !after.contains(earlier.submission())) {
                after.add(earlier.submission());
            }
        }
        Submission submission = store.submit(batch, after);
        if (submission == Submission.DONE || submission.failed()) {
            // applied at once (or refused): the store already answers as the batch left it
            return new Pending(submission, List.of(), List.of());
        }
        List<Map.Entry<String, Entry>> riEntries = new ArrayList<>(batch.size());
        List<Map.Entry<String, Entry>> pathEntries = new ArrayList<>(batch.size());
        for (Write write : batch) {
            switch (write) {
                case Write.Create c -> remember(new Entry(c.resource(), true, submission), c.resource().ri(),
                        c.resource().path(), riEntries, pathEntries);
                case Write.Update u -> {
                    Entry earlier = byRi.get(u.resource().ri());
                    boolean created = earlier != null && earlier.created();
                    remember(new Entry(u.resource(), created, submission), u.resource().ri(), u.resource().path(),
                            riEntries, pathEntries);
                }
                case Write.Delete d -> {
                    Entry earlier = byRi.get(d.ri());
                    String path = earlier != null && earlier.resource() != null ? earlier.resource().path() : null;
                    remember(new Entry(null, false, submission), d.ri(), path, riEntries, pathEntries);
                }
            }
        }
        return new Pending(submission, riEntries, pathEntries);
    }

    private void remember(Entry entry, String ri, String path, List<Map.Entry<String, Entry>> riEntries,
                          List<Map.Entry<String, Entry>> pathEntries) {
        byRi.put(ri, entry);
        riEntries.add(Map.entry(ri, entry));
        if (path != null) {
            byPath.put(path, entry);
            pathEntries.add(Map.entry(path, entry));
        }
    }

    /** Submits and awaits, for writers that keep their locks until the batch is durable. */
    @Override
    public void apply(List<Write> writes) {
        submit(writes).await();
    }

    // Every read looks at the pending versions first, then at the store: a pending version is forgotten only after
    // its batch is committed, so a read that misses it finds the committed one in the store.

    @Override
    public Optional<Resource> get(String ri) {
        Entry pending = byRi.get(ri);
        return pending != null ? Optional.ofNullable(pending.resource()) : store.get(ri);
    }

    @Override
    public Optional<Resource> getByPath(String path) {
        Entry pending = byPath.get(path);
        if (pending != null) {
            return Optional.ofNullable(pending.resource());
        }
        Optional<Resource> stored = store.getByPath(path);
        if (stored.isPresent()) {
            Entry deleted = byRi.get(stored.get().ri());
            if (deleted != null && deleted.resource() == null) {
                return Optional.empty();
            }
        }
        return stored;
    }

    /** Children as they will be once the pending batches are committed. */
    @Override
    public List<Resource> children(String pi, ResourceType type, int offset, int limit) {
        if (byRi.isEmpty()) {
            return store.children(pi, type, offset, limit);
        }
        Set<String> deleted = new HashSet<>();
        Map<String, Resource> changed = new LinkedHashMap<>();
        List<Resource> created = new ArrayList<>();
        for (var e : byRi.entrySet()) {
            Resource r = e.getValue().resource();
            if (r == null) {
                deleted.add(e.getKey());
            } else if (r.pi().equals(pi) && (type == null || r.type() == type)) {
                changed.put(r.ri(), r);
                if (e.getValue().created()) {
                    created.add(r);
                }
            }
        }
        if (deleted.isEmpty() && changed.isEmpty()) {
            return store.children(pi, type, offset, limit);
        }
        int wanted = (int) Math.min(Integer.MAX_VALUE, (long) offset + limit + deleted.size());
        Map<String, Resource> merged = new LinkedHashMap<>();
        for (Resource r : store.children(pi, type, 0, wanted)) {
            if (!deleted.contains(r.ri())) {
                merged.put(r.ri(), changed.getOrDefault(r.ri(), r));
            }
        }
        for (Resource r : created) {
            merged.putIfAbsent(r.ri(), r);
        }
        List<Resource> all = new ArrayList<>(merged.values());
        all.sort(CREATION_ORDER);
        if (offset >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList(offset, (int) Math.min(all.size(), (long) offset + limit)));
    }

    /** Committed state only. */
    @Override
    public long countChildren(String pi, ResourceType type) {
        return store.countChildren(pi, type);
    }

    /** Committed state only. */
    @Override
    public Optional<Resource> oldestChild(String pi, ResourceType type) {
        return store.oldestChild(pi, type);
    }

    /** Committed state only. */
    @Override
    public Optional<Resource> latestChild(String pi, ResourceType type) {
        return store.latestChild(pi, type);
    }

    /** Committed state only. */
    @Override
    public List<Resource> descendants(String path, int maxLevel, Set<ResourceType> types) {
        return store.descendants(path, maxLevel, types);
    }

    /** Committed state only. */
    @Override
    public List<Resource> expiredBefore(Instant instant, int limit) {
        return store.expiredBefore(instant, limit);
    }

    /** The engine closes the store itself. */
    @Override
    public void close() {
    }
}
