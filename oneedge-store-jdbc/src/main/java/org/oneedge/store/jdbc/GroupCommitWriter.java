package org.oneedge.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.oneedge.cse.store.StoreConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits concurrent {@code apply} calls together: one thread owns the write connection, takes every batch that is
 * waiting, runs them in queue order in one transaction and commits once, so N callers share one durable commit
 * (one H2 chunk write, one PostgreSQL WAL flush). Each caller returns only after the commit that holds its batch.
 *
 * <pre>
 *  apply() ─┐                    ┌──────────── writer thread ─────────────┐
 *  apply() ─┼─► queue ─► drain ─►│ batch 1, batch 2, ... batch n ; COMMIT  │─► complete each caller
 *  apply() ─┘                    └─────────────────────────────────────────┘
 * </pre>
 *
 * <p>A batch that breaks a store rule must fail alone: the group is rolled back, that batch is answered with its
 * {@link StoreConflictException}, and the others are run again without it. This gives the same result as running
 * the batches one by one in queue order, without savepoints on the fast path.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** One caller's batch and how it ended. */
    private static final class Pending {
        final List<RowWrite> writes;
        final CompletableFuture<Void> outcome = new CompletableFuture<>();

        Pending(List<RowWrite> writes) {
            this.writes = writes;
        }
    }

    private static final Pending STOP = new Pending(List.of());

    private final DataSource dataSource;
    private final int maxGroupSize;
    private final Housekeeping housekeeping;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock admission = new ReentrantLock();
    private final Thread thread;
    private boolean closed;
    private Connection connection;
    private WriteStatements statements;

    GroupCommitWriter(DataSource dataSource, int maxGroupSize, Housekeeping housekeeping, String name) {
        this.dataSource = dataSource;
        this.maxGroupSize = maxGroupSize;
        this.housekeeping = housekeeping;
        this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Runs the batch in the next group commit and waits for it; throws what the batch ran into. */
    void write(List<RowWrite> writes) {
        Pending pending = new Pending(writes);
        admission.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            queue.add(pending);
        } finally {
            admission.unlock();
        }
        try {
            pending.outcome.join();
        } catch (CompletionException e) {
            // rethrown on the caller's thread so that its stack trace shows the caller
            switch (e.getCause()) {
                case StoreConflictException conflict -> throw new StoreConflictException(conflict.getMessage(), conflict);
                case JdbcStoreException failure -> throw new JdbcStoreException(failure.getMessage(), failure);
                case IllegalStateException closing -> throw new IllegalStateException(closing.getMessage(), closing);
                default -> throw new JdbcStoreException("write failed", e.getCause());
            }
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>(maxGroupSize);
        try {
            while (true) {
                Pending first = queue.take();
                if (first == STOP) {
                    return;
                }
                group.add(first);
                queue.drainTo(group, maxGroupSize - 1);
                boolean stop = group.remove(STOP);
                commit(group);
                group.clear();
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            log.error("store writer stopped unexpectedly", e);
            fail(group, new JdbcStoreException("store writer stopped", e));
        } finally {
            releaseConnection();
            List<Pending> left = new ArrayList<>();
            queue.drainTo(left);
            left.remove(STOP);
            fail(left, new IllegalStateException("the store is closed"));
        }
    }

    /** Commits the group; batches that break a rule are answered and dropped, and the rest run again. */
    private void commit(List<Pending> group) {
        List<Pending> remaining = new ArrayList<>(group);
        while (!remaining.isEmpty()) {
            long started = System.nanoTime();
            Pending running = null;
            try {
                WriteStatements writes = statements();
                for (Pending pending : remaining) {
                    running = pending;
                    writes.execute(pending.writes);
                }
                running = null;
                connection.commit();
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
                rollback();
                releaseConnection();
                fail(remaining, new JdbcStoreException("store write failed: " + e.getMessage(), e));
                return;
            }
        }
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

    /** Lets the queued batches commit, then stops the writer and returns its connection. */
    @Override
    public void close() {
        admission.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        } finally {
            admission.unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
