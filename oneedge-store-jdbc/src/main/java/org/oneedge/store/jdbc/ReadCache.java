package org.oneedge.store.jdbc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.cse.store.Resource;

/**
 * Resources already read (and parsed) by {@code ri} and by path, so that the rows every request looks up again and
 * again (its target's container, the originator's AE, the ACPs of an access check) and the newest instance of each
 * container read through {@code la} cost neither a query nor JSON parsing; valid only while this store is the
 * database's only writer.
 *
 * <p>The {@link GroupCommitWriter} tells it about every commit before the writers are answered: updated rows replace
 * the cached ones, an inserted row newer than the cached newest child of its parent and type replaces it, a deleted
 * subtree empties the cache. A read racing a commit could bring back the row as it was
 * before; it is kept only if no commit ended since the read started ({@link #generation}), checked atomically with
 * the commit's own change of the same key.
 */
final class ReadCache {

    private final int capacity;
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Resource> byRi = new ConcurrentHashMap<>();
    private final Map<String, Resource> byPath = new ConcurrentHashMap<>();
    /** The newest child by parent and type ({@link #childKey}), as {@code ORDER BY ct DESC, ri DESC} finds it. */
    private final Map<String, Resource> latestChild = new ConcurrentHashMap<>();

    /** @param capacity most resources kept; 0 turns the cache off */
    ReadCache(int capacity) {
        this.capacity = capacity;
    }

    /** Taken before a read whose result may be {@link #offer}ed. */
    long generation() {
        return generation.get();
    }

    Resource byRi(String ri) {
        return capacity > 0 ? byRi.get(ri) : null;
    }

    Resource byPath(String path) {
        return capacity > 0 ? byPath.get(path) : null;
    }

    Resource latestChild(String pi, int ty) {
        return capacity > 0 ? latestChild.get(childKey(pi, ty)) : null;
    }

    /** Keeps the newest child a read started at {@code readAt} found, unless a commit has ended since. */
    void offerLatestChild(Resource child, long readAt) {
        if (capacity <= 0) {
            return;
        }
        makeRoom();
        latestChild.compute(childKey(child.pi(), child.type().ty()),
                (k, cached) -> generation.get() == readAt ? child : cached);
    }

    /** Keeps what a read started at {@code readAt} found, unless a commit has ended since. */
    void offer(Resource resource, long readAt) {
        if (capacity <= 0) {
            return;
        }
        makeRoom();
        byRi.compute(resource.ri(), (k, cached) -> generation.get() == readAt ? resource : cached);
        byPath.compute(resource.path(), (k, cached) -> generation.get() == readAt ? resource : cached);
    }

    /** Called by the writer once the writes are committed, in commit order, before anyone is told. */
    void committed(List<RowWrite> writes) {
        if (capacity <= 0) {
            return;
        }
        generation.incrementAndGet();
        for (RowWrite write : writes) {
            switch (write) {
                case RowWrite.Update u -> {
                    Resource updated = u.row().resource();
                    // only rows already cached are replaced: a container written by every instance create stays
                    // cached, the rest of the table does not flow through the cache
                    byRi.computeIfPresent(updated.ri(), (k, cached) -> updated);
                    byPath.computeIfPresent(updated.path(), (k, cached) -> updated);
                    latestChild.computeIfPresent(childKey(updated.pi(), updated.type().ty()),
                            (k, cached) -> cached.ri().equals(updated.ri()) ? updated : cached);
                }
                case RowWrite.Insert i -> {
                    // nothing cached by ri or path can name a resource that did not exist (a deleted one was
                    // dropped with it), but the new row may be its parent's newest child
                    Resource inserted = i.row().resource();
                    latestChild.computeIfPresent(childKey(inserted.pi(), inserted.type().ty()),
                            (k, cached) -> newer(inserted, cached) ? inserted : cached);
                }
                case RowWrite.DeleteSubtree d -> clear();
            }
        }
    }

    /** Forgets everything, e.g. after a commit that may or may not have happened. */
    void clear() {
        generation.incrementAndGet();
        byRi.clear();
        byPath.clear();
        latestChild.clear();
    }

    private void makeRoom() {
        if (byRi.size() + latestChild.size() >= capacity) {
            byRi.clear();
            byPath.clear();
            latestChild.clear();
        }
    }

    private static String childKey(String pi, int ty) {
        return pi + '/' + ty;
    }

    /** Later in {@code ORDER BY ct, ri}. */
    private static boolean newer(Resource a, Resource b) {
        int byCt = a.createdAt().compareTo(b.createdAt());
        return byCt != 0 ? byCt > 0 : a.ri().compareTo(b.ri()) > 0;
    }
}
