package org.oneedge.cse;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks that serialise the writes touching one resource (e.g. all content instance creations in one
 * container, so its {@code cni}/{@code cbs} stay exact) while unrelated writes run in parallel.
 * Two stripes are always taken in index order, so two writers never deadlock.
 */
final class WriteLocks {

    private final ReentrantLock[] stripes;

    WriteLocks(int count) {
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Held stripes; release with {@link #close()}. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Holds nothing, for writes that need no serialisation. */
    static final Held NONE = () -> { };

    Held lock(String key) {
        ReentrantLock l = stripes[index(key)];
        l.lock();
        return l::unlock;
    }

    Held lock(String first, String second) {
        int a = index(first);
        int b = index(second);
        if (a == b) {
            return lock(first);
        }
        ReentrantLock low = stripes[Math.min(a, b)];
        ReentrantLock high = stripes[Math.max(a, b)];
        low.lock();
        high.lock();
        return () -> {
            high.unlock();
            low.unlock();
        };
    }

    private int index(String key) {
        int h = key.hashCode();
        return ((h ^ (h >>> 16)) & 0x7fffffff) % stripes.length;
    }
}
