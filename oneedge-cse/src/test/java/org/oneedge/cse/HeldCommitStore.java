package org.oneedge.cse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.StoreConflictException;
import org.oneedge.cse.store.Submission;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;

/**
 * A store whose submitted batches stay queued (invisible to reads) until someone awaits them, like the JDBC store's
 * group commit, and that can hold every commit back and fail a chosen batch, so tests can see what the engine does
 * while several batches below one parent are pending.
 */
final class HeldCommitStore implements ResourceStore {

    final InMemoryResourceStore committed = new InMemoryResourceStore();
    private final List<Queued> queue = new ArrayList<>();
    private boolean held;
    private int submitted;
    private int failing = -1;

    /** One queued batch. */
    private final class Queued implements Submission {
        final List<Write> writes;
        final List<Submission> after;
        RuntimeException failure;
        boolean done;

        Queued(List<Write> writes, List<Submission> after) {
            this.writes = writes;
            this.after = after;
        }

        @Override
        public void await() {
            synchronized (HeldCommitStore.this) {
                while (held && !done) {
                    try {
                        HeldCommitStore.this.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                commitQueued();
                if (failure != null) {
                    throw failure;
                }
            }
        }

        @Override
        public boolean failed() {
            synchronized (HeldCommitStore.this) {
                return done && failure != null;
            }
        }
    }

    /** Holds all commits back until {@link #release}. */
    synchronized void hold() {
        held = true;
    }

    synchronized void release() {
        held = false;
        notifyAll();
    }

    /** Fails the batch submitted as number {@code index} (0-based, counting from now). */
    synchronized void failSubmission(int index) {
        failing = submitted + index;
    }

    synchronized int queued() {
        return queue.size();
    }

    @Override
    public synchronized Submission submit(List<Write> writes, List<Submission> after) {
        Queued queued = new Queued(writes, after);
        if (submitted++ == failing) {
            queued.failure = new StoreConflictException("failure injected by the test");
        }
        queue.add(queued);
        return queued;
    }

    @Override
    public void apply(List<Write> writes) {
        submit(writes, List.of()).await();
    }

    /** Commits the queue in order, as one group. */
    private void commitQueued() {
        for (Queued q : queue) {
            if (q.failure == null && q.after.stream().anyMatch(Submission::failed)) {
                q.failure = new StoreConflictException("an earlier write this one builds on failed");
            }
            if (q.failure == null) {
                try {
                    committed.apply(q.writes);
                } catch (StoreConflictException e) {
                    q.failure = e;
                }
            }
            q.done = true;
        }
        queue.clear();
    }

    @Override
    public Optional<Resource> get(String ri) {
        return committed.get(ri);
    }

    @Override
    public Optional<Resource> getByPath(String path) {
        return committed.getByPath(path);
    }

    @Override
    public List<Resource> children(String pi, ResourceType type, int offset, int limit) {
        return committed.children(pi, type, offset, limit);
    }

    @Override
    public long countChildren(String pi, ResourceType type) {
        return committed.countChildren(pi, type);
    }

    @Override
    public Optional<Resource> oldestChild(String pi, ResourceType type) {
        return committed.oldestChild(pi, type);
    }

    @Override
    public Optional<Resource> latestChild(String pi, ResourceType type) {
        return committed.latestChild(pi, type);
    }

    @Override
    public List<Resource> descendants(String path, int maxLevel, Set<ResourceType> types) {
        return committed.descendants(path, maxLevel, types);
    }

    @Override
    public List<Resource> expiredBefore(Instant instant, int limit) {
        return committed.expiredBefore(instant, limit);
    }

    @Override
    public void close() {
        committed.close();
    }
}
