package org.oneedge.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.Submission;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ResourceStore} in one {@code resource} table of an H2 (embedded default) or PostgreSQL database, so that
 * a node keeps its resources across restarts (ARCHITECTURE.md, Storage).
 *
 * <p>Reads run on pooled connections (HikariCP) from any number of threads. Writes go through a
 * {@link GroupCommitWriter}: concurrent {@link #apply} calls share one transaction and one durable commit, and each
 * returns only once its writes are committed. H2 file databases are opened with {@code WRITE_DELAY=0}, which makes
 * every commit write its chunk to the file before it returns, so an acknowledged write survives a kill of the
 * process (it is in the operating system's page cache, not yet necessarily on the disk platter); PostgreSQL commits
 * are durable with its default {@code synchronous_commit}. An H2 file that a crash left behind is checked before it
 * opens ({@link H2HeaderRepair}). The table is created and migrated by Flyway.
 *
 * <pre>{@code
 * try (JdbcResourceStore store = JdbcResourceStore.h2File(Path.of("data/oneedge"))) { ... }
 * }</pre>
 */
public final class JdbcResourceStore implements ResourceStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcResourceStore.class);

    private static final String SELECT = "SELECT " + ResourceRow.COLUMNS + " FROM resource ";
    private static final String BY_RI = SELECT + "WHERE ri = ?";
    private static final String BY_PATH = SELECT + "WHERE path = ?";
    private static final String CHILDREN = SELECT + "WHERE pi = ? ORDER BY ct, ri OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    // pi and ty are fixed by the WHERE clause; naming them in ORDER BY lets H2 walk resource_children_ix in order
    // (H2 only uses an index for sorting when the ORDER BY starts with the index's first column)
    static final String CHILDREN_OF_TYPE =
            SELECT + "WHERE pi = ? AND ty = ? ORDER BY pi, ty, ct, ri OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
    private static final String COUNT = "SELECT COUNT(*) FROM resource WHERE pi = ?";
    private static final String COUNT_OF_TYPE = "SELECT COUNT(*) FROM resource WHERE pi = ? AND ty = ?";
    static final String OLDEST =
            SELECT + "WHERE pi = ? AND ty = ? ORDER BY pi, ty, ct, ri FETCH FIRST 1 ROW ONLY";
    static final String LATEST =
            SELECT + "WHERE pi = ? AND ty = ? ORDER BY pi DESC, ty DESC, ct DESC, ri DESC FETCH FIRST 1 ROW ONLY";
    private static final String EXPIRED = SELECT + "WHERE et < ? ORDER BY et, ri FETCH FIRST ? ROWS ONLY";

    private final JdbcStoreConfig config;
    private final SqlDialect dialect;
    private final HikariDataSource dataSource;
    private final GroupCommitWriter writer;
    private final ReadCache cache;

    private JdbcResourceStore(JdbcStoreConfig config) {
        this.config = config;
        this.dialect = SqlDialect.of(config.url());
        if (config.url().startsWith("jdbc:h2:file:")) {
            H2HeaderRepair.repairUrl(config.url()); // before the pool: an open file is locked
        }
        this.dataSource = pool(config);
        try {
            migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        Housekeeping housekeeping = config.url().startsWith("jdbc:h2:file:") ? new H2Compaction() : Housekeeping.NONE;
        this.cache = new ReadCache(config.readCacheSize());
        this.writer = new GroupCommitWriter(dataSource, config.maxGroupSize(), housekeeping, cache);
        log.info("resource store open: {} (schema {}, {} read connections, group commits of up to {}, "
                        + "read cache of {})", config.url(), config.schema() == null ? "default" : config.schema(),
                config.maximumPoolSize(), config.maxGroupSize(), config.readCacheSize());
    }

    /** Opens (creating or migrating the table as needed) the database the configuration names. */
    public static JdbcResourceStore open(JdbcStoreConfig config) {
        return new JdbcResourceStore(config);
    }

    /**
     * The embedded default: an H2 database in files under {@code dir} (created if missing), e.g.
     * {@code ./data/oneedge}. Only one process can have it open.
     */
    public static JdbcResourceStore h2File(Path dir) {
        return open(JdbcStoreConfig.builder(h2FileUrl(dir)).build());
    }

    /** The JDBC URL {@link #h2File} opens: every commit is written to the file before it returns. */
    public static String h2FileUrl(Path dir) {
        Path file = dir.toAbsolutePath().resolve("oneedge");
        // WRITE_DELAY=0 is the fastest setting that keeps acknowledged writes across kill -9: each commit is written
        // to the file (the OS page cache) before it returns, without an fsync; any delay > 0 acknowledges commits that
        // are still only in the JVM's memory. The cost per commit is shared by the group commit (GroupCommitWriter).
        // RETENTION_TIME stays at H2's default (45 s). KillRecoveryIT lost acknowledged writes after SIGKILL with
        // 1 s: H2 reuses dead chunks' space only after that time, and a chunk written there made H2 2.5.252 write a
        // file header naming the chunk before it, so a crash lost every commit from there (H2HeaderRepair, applied
        // when the store opens, fixes such a header; the longer retention only made it rarer)
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=32";
    }

    /** A private in-memory H2 database, gone when the store closes; for tests and throwaway nodes. */
    public static JdbcResourceStore h2Memory(String name) {
        return open(JdbcStoreConfig.builder("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=32").build());
    }

    /** A PostgreSQL database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/oneedge}, in its default schema. */
    public static JdbcResourceStore postgres(String url, String user, String password) {
        return open(JdbcStoreConfig.builder(url).user(user).password(password).build());
    }

    private static HikariDataSource pool(JdbcStoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("oneedge-store");
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        if (config.schema() != null) {
            hikari.setSchema(config.schema());
        }
        // the writer holds one connection for good
        hikari.setMaximumPoolSize(config.maximumPoolSize() + 1);
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setAutoCommit(true);
        // the schema may not exist before the migration creates it
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }

    private void migrate() {
        var flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .loggers("slf4j");
        if (config.schema() != null) {
            flyway.schemas(config.schema()).createSchemas(true);
        }
        flyway.load().migrate();
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public Optional<Resource> get(String ri) {
        Resource cached = cache.byRi(ri);
        return cached != null ? Optional.of(cached) : cachedRead(BY_RI, ri);
    }

    @Override
    public Optional<Resource> getByPath(String path) {
        Resource cached = cache.byPath(path);
        return cached != null ? Optional.of(cached) : cachedRead(BY_PATH, path);
    }

    private Optional<Resource> cachedRead(String sql, String key) {
        long readAt = cache.generation();
        Optional<Resource> found = queryOne(sql, key);
        found.ifPresent(r -> cache.offer(r, readAt));
        return found;
    }

    @Override
    public void apply(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        writer.write(RowWrite.of(writes));
    }

    /** Queues the batch for the next group commit; see {@link GroupCommitWriter#submit}. */
    @Override
    public Submission submit(List<Write> writes, List<Submission> after) {
        return writes.isEmpty() && after.isEmpty() ? Submission.DONE : writer.submit(RowWrite.of(writes), after);
    }

    @Override
    public List<Resource> children(String pi, ResourceType type, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return type == null
                ? queryList(CHILDREN, pi, (long) offset, (long) limit)
                : queryList(CHILDREN_OF_TYPE, pi, type.ty(), (long) offset, (long) limit);
    }

    @Override
    public long countChildren(String pi, ResourceType type) {
        String sql = type == null ? COUNT : COUNT_OF_TYPE;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, pi);
            if (type != null) {
                ps.setInt(2, type.ty());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("count children of " + pi, e);
        }
    }

    @Override
    public Optional<Resource> oldestChild(String pi, ResourceType type) {
        return queryOne(OLDEST, pi, type.ty());
    }

    @Override
    public Optional<Resource> latestChild(String pi, ResourceType type) {
        Resource cached = cache.latestChild(pi, type.ty());
        if (cached != null) {
            return Optional.of(cached);
        }
        long readAt = cache.generation();
        Optional<Resource> found = queryOne(LATEST, pi, type.ty());
        found.ifPresent(r -> cache.offerLatestChild(r, readAt));
        return found;
    }

    @Override
    public List<Resource> descendants(String path, int maxLevel, Set<ResourceType> types) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE ").append(PathPrefix.CONDITION);
        List<Object> params = new ArrayList<>();
        PathPrefix prefix = PathPrefix.below(path);
        params.add(prefix.like());
        params.add(prefix.from());
        params.add(prefix.to());
        if (maxLevel > 0) {
            sql.append(" AND lvl <= ?");
            params.add(depth(path) + maxLevel);
        }
        if (!types.isEmpty()) {
            sql.append(" AND ty IN (");
            String separator = "";
            for (ResourceType type : types) {
                sql.append(separator).append('?');
                separator = ", ";
                params.add(type.ty());
            }
            sql.append(')');
        }
        sql.append(" ORDER BY ct, ri");
        return queryList(sql.toString(), params.toArray());
    }

    private static int depth(String path) {
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }

    @Override
    public List<Resource> expiredBefore(Instant instant, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return queryList(EXPIRED, ResourceRow.timestamp(instant), (long) limit);
    }

    private Optional<Resource> queryOne(String sql, Object... params) {
        List<Resource> found = queryList(sql, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private List<Resource> queryList(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Resource> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(ResourceRow.read(rs));
                }
                return result;
            }
        } catch (SQLException e) {
            throw failure("query failed: " + sql, e);
        }
    }

    private static JdbcStoreException failure(String what, SQLException e) {
        return new JdbcStoreException(what + ": " + e.getMessage(), e);
    }

    /** Commits what is queued, stops the writer, shuts an H2 database down cleanly and closes the pool. */
    @Override
    public void close() {
        if (dataSource.isClosed()) {
            return;
        }
        writer.close();
        if (config.url().startsWith("jdbc:h2:mem:")) {
            // kept alive by DB_CLOSE_DELAY=-1 until told; a file database closes with its last connection
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // H2 closes the session it shuts down from and reports that as "already closed"
                log.debug("H2 shutdown: {}", e.toString());
            }
        }
        dataSource.close();
        log.info("resource store closed: {}", config.url());
    }
}
