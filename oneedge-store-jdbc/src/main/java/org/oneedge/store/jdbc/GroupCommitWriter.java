package org.oneedge.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.oneedge.cse.store.StoreConflictException;
import org.oneedge.cse.store.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits concurrent {@code apply} calls together: the first caller to find no commit running becomes the leader,
 * takes every batch that is waiting, runs them in queue order in one transaction and commits once, so N callers
 * share one durable commit (one H2 chunk write, one PostgreSQL WAL flush). Callers that arrive meanwhile wait; when
 * the leader is done, one of them leads the next group. Each caller returns only after the commit that holds its
 * batch. No thread of its own: an uncontended write costs no hand-off between threads.
 *
 * <pre>
 *  apply() ─┐             ┌──────────── leader (one caller) ──────────────┐
 *  apply() ─┼─► queue ───►│ batch 1, batch 2, ... batch n ; COMMIT          │─► wake the waiting callers
 *  apply() ─┘             └─────────────────────────────────────────────────┘
 * </pre>
 *
 * <p>A batch that breaks a store rule must fail alone: the group is rolled back, that batch is answered with its
 * {@link StoreConflictException}, and the others are run again without it. This gives the same result as running
 * the batches one by one in queue order, without savepoints on the fast path. The exception are batches submitted
 * as building on a failed one ({@link #submit}'s {@code after}): they fail with it, unrun. Within a group, an update
 * that a later update of the same resource overwrites is skipped (the container row that every instance create
 * rewrites is written once per group).
 *
 * <p>Queuing ({@link #submit}) and waiting ({@code await}) are separate, so that the engine can queue a batch while
 * it holds a resource's write lock and wait for the commit after releasing it: the next writer to that resource
 * queues its batch meanwhile, and both share one commit.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** One caller's batch, the batches it builds on, and how it ended. */
    private final class Pending implements Submission {
        final List<RowWrite> writes;
        final List<Submission> after;
        final CompletableFuture<Void> outcome = new CompletableFuture<>();

        Pending(List<RowWrite> writes, List<Submission> after) {
            this.writes = writes;
            this.after = after;
        }

        @Override
        public void await() {
            GroupCommitWriter.this.await(this);
        }

        @Override
        public boolean failed() {
            return outcome.isCompletedExceptionally();
        }

        boolean buildsOnFailure() {
            for (Submission earlier : after) {
                if (earlier.failed()) {
                    return true;
                }
            }
            return false;
        }
    }

    private final DataSource dataSource;
    private final int maxGroupSize;
    private final Housekeeping housekeeping;
    private final ReadCache cache;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition leaderDone = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    /** Guarded by {@link #lock}. */
    private boolean leading;
    /** Guarded by {@link #lock}. */
    private boolean closed;
    /** Used by the leader only. */
    private Connection connection;
    private WriteStatements statements;

    GroupCommitWriter(DataSource dataSource, int maxGroupSize, Housekeeping housekeeping, ReadCache cache) {
        this.dataSource = dataSource;
        this.maxGroupSize = maxGroupSize;
        this.housekeeping = housekeeping;
        this.cache = cache;
    }

    /** Runs the batch in the next group commit and waits for it; throws what the batch ran into. */
    void write(List<RowWrite> writes) {
        submit(writes, List.of()).await();
    }

    /**
     * Queues the batch behind every batch queued before and returns at once; the batch is durable when the returned
     * submission's {@code await} returns. It fails without running when one of {@code after} has failed.
     */
    Submission submit(List<RowWrite> writes, List<Submission> after) {
        Pending pending = new Pending(writes, after);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            queue.add(pending);
        } finally {
            lock.unlock();
        }
        return pending;
    }

    /** Waits for the batch's commit, leading group commits while no other caller does; throws what it ran into. */
    private void await(Pending pending) {
        if (!pending.outcome.isDone()) {
            lock.lock();
            try {
                while (!pending.outcome.isDone()) {
                    if (leading) {
                        leaderDone.awaitUninterruptibly();
                        continue;
                    }
                    leading = true;
                    List<Pending> group = takeGroup();
                    lock.unlock();
                    try {
                        commit(group);
                    } finally {
                        lock.lock();
                        leading = false;
                        leaderDone.signalAll();
                    }
                }
            } finally {
                lock.unlock();
            }
        }
        try {
            pending.outcome.join();
        } catch (CompletionException e) {
            // rethrown on the caller's thread so that its stack trace shows the caller
            switch (e.getCause()) {
                case StoreConflictException conflict -> throw new StoreConflictException(conflict.getMessage(), conflict);
                case JdbcStoreException failure -> throw new JdbcStoreException(failure.getMessage(), failure);
                default -> throw new JdbcStoreException("write failed", e.getCause());
            }
        }
    }

    private List<Pending> takeGroup() {
        List<Pending> group = new ArrayList<>(Math.min(queue.size(), maxGroupSize));
        while (group.size() < maxGroupSize && !queue.isEmpty()) {
            group.add(queue.poll());
        }
        return group;
    }

    /** Commits the group; batches that break a rule are answered and dropped, and the rest run again. */
    private void commit(List<Pending> group) {
        try {
            commitOrAnswer(group);
        } catch (RuntimeException | Error e) {
            log.error("store write failed unexpectedly", e);
            cache.clear();
            releaseConnection();
            fail(group, new JdbcStoreException("store write failed", e));
        }
    }

    private void commitOrAnswer(List<Pending> group) {
        List<Pending> remaining = new ArrayList<>(group);
        while (!remaining.isEmpty()) {
            long started = System.nanoTime();
            Pending running = null;
            try {
                WriteStatements writes = statements();
                for (var it = remaining.iterator(); it.hasNext(); ) {
                    Pending pending = it.next();
                    if (pending.buildsOnFailure()) {
                        // answered before anything of it ran
                        pending.outcome.completeExceptionally(
                                new StoreConflictException("an earlier write this one builds on failed"));
                        it.remove();
                    }
                }
                Set<RowWrite> superseded = supersededUpdates(remaining);
                for (Pending pending : remaining) {
                    running = pending;
                    writes.execute(pending.writes, superseded);
                }
                running = null;
                connection.commit();
                for (Pending pending : remaining) {
                    cache.committed(pending.writes);
                }
                for (Pending pending : remaining) {
                    pending.outcome.complete(null);
                }
                if (log.isDebugEnabled()) {
                    log.debug("committed {} batches in {} µs", remaining.size(), (System.nanoTime() - started) / 1_000);
                }
                houseKeep();
                return;
            } catch (StoreConflictException conflict) {
                rollback();
                running.outcome.completeExceptionally(conflict);
                remaining.remove(running);
            } catch (SQLException | RuntimeException e) {
                log.warn("store write of {} batches failed: {}", remaining.size(), e.toString());
                // the commit itself may have failed after the database made it durable
                cache.clear();
                rollback();
                releaseConnection();
                fail(remaining, new JdbcStoreException("store write failed: " + e.getMessage(), e));
                return;
            }
        }
    }

    /**
     * The updates a later update of the same resource in the group overwrites anyway, e.g. a container's counters
     * written by each of the N instance creates in a group: only the last of them is run. Resources that the group
     * also inserts or deletes are left alone, so a missing resource still fails the first batch that updates it.
     */
    private static Set<RowWrite> supersededUpdates(List<Pending> group) {
        if (group.size() < 2) {
            return Set.of();
        }
        Map<String, RowWrite.Update> last = new HashMap<>();
        Set<String> insertedOrDeleted = new HashSet<>();
        Set<RowWrite> superseded = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Pending pending : group) {
            for (RowWrite write : pending.writes) {
                switch (write) {
                    case RowWrite.Update u -> {
                        RowWrite.Update earlier = last.put(u.row().ri(), u);
                        if (earlier != null) {
                            superseded.add(earlier);
                        }
                    }
                    case RowWrite.Insert i -> insertedOrDeleted.add(i.row().ri());
                    case RowWrite.DeleteSubtree d -> insertedOrDeleted.add(d.ri());
                }
            }
        }
        if (!insertedOrDeleted.isEmpty()) {
            superseded.removeIf(w -> insertedOrDeleted.contains(((RowWrite.Update) w).row().ri()));
        }
        return superseded;
    }

    private void houseKeep() {
        try {
            housekeeping.afterCommit(connection);
        } catch (SQLException | RuntimeException e) {
            log.warn("store housekeeping failed: {}", e.toString());
        }
    }

    private WriteStatements statements() throws SQLException {
        if (connection == null) {
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(false);
                statements = new WriteStatements(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            connection = c;
        }
        return statements;
    }

    private void rollback() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("rollback failed, replacing the write connection: {}", e.toString());
            releaseConnection();
        }
    }

    private void releaseConnection() {
        if (connection == null) {
            return;
        }
        try {
            statements.close();
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            log.debug("write connection was already broken: {}", e.toString());
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the write connection failed: {}", e.toString());
        }
        connection = null;
        statements = null;
    }

    private static void fail(List<Pending> pendings, RuntimeException failure) {
        for (Pending pending : pendings) {
            pending.outcome.completeExceptionally(failure);
        }
    }

    /** Commits the batches still queued, refuses new ones and returns the write connection. */
    @Override
    public void close() {
        List<Pending> left;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            while (leading) {
                leaderDone.awaitUninterruptibly();
            }
            leading = true; // for good: nobody leads after close
            left = new ArrayList<>(queue);
            queue.clear();
        } finally {
            lock.unlock();
        }
        try {
            for (int from = 0; from < left.size(); from += maxGroupSize) {
                commit(left.subList(from, Math.min(left.size(), from + maxGroupSize)));
            }
        } finally {
            releaseConnection();
            lock.lock();
            try {
                leaderDone.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
