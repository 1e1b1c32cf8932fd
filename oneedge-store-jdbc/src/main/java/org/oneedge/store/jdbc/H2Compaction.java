package org.oneedge.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * Keeps an H2 file from growing without bound. With {@code WRITE_DELAY=0} (needed for durable commits) H2 runs no
 * background thread, so nothing rewrites the live pages of old, mostly dead chunks; this does, at most once a second
 * and a few MB at a time, on the writer's thread between group commits. It reaches the MVStore through H2's public
 * but internal engine classes, valid for the embedded (file) mode this store uses.
 */
final class H2Compaction implements Housekeeping {

    /** Rewrite chunks whose pages are less than this percentage alive. */
    private static final int TARGET_FILL_RATE = 50;
    /** Most bytes rewritten per round, bounding the pause the writer's callers see. */
    private static final int WRITE_LIMIT = 4 << 20;
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private long next = System.nanoTime() + INTERVAL_NANOS;

    @Override
    public void afterCommit(Connection connection) throws SQLException {
        long now = System.nanoTime();
        if (now - next < 0) {
            return;
        }
        next = now + INTERVAL_NANOS;
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        FileStore<?> file = store.getFileStore();
        if (file != null && file.getChunksFillRate() < TARGET_FILL_RATE) {
            store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
        }
    }
}
