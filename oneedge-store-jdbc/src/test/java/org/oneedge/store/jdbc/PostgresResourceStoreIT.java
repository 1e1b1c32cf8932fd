package org.oneedge.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.testkit.store.ResourceStoreContract;

/**
 * The store contract on PostgreSQL, in a schema of its own that each run drops and recreates. Reads
 * {@code ONEEDGE_PG_URL}, {@code ONEEDGE_PG_USER}, {@code ONEEDGE_PG_PASSWORD}; skipped with a message when no server
 * answers there.
 */
class PostgresResourceStoreIT extends ResourceStoreContract {

    private static final String URL = env("ONEEDGE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/oneedge");
    private static final String USER = env("ONEEDGE_PG_USER", "oneedge");
    private static final String PASSWORD = env("ONEEDGE_PG_PASSWORD", "oneedge");
    private static final String SCHEMA = "oneedge_store_contract";

    private static Boolean reachable;

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }

    private static void assumeReachable() {
        Assumptions.assumeTrue(reachable(), skipMessage());
    }

    static String skipMessage() {
        return "PostgreSQL not reachable at " + URL + ": PostgreSQL store tests skipped";
    }

    /** Checks the server once per JVM, and then drops the schema earlier runs left, so the migrations run afresh. */
    static synchronized boolean reachable() {
        if (reachable == null) {
            DriverManager.setLoginTimeout(3);
            try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
                reachable = true;
            } catch (SQLException e) {
                reachable = false;
            }
            if (reachable) {
                try {
                    execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot drop schema " + SCHEMA + " at " + URL, e);
                }
            }
        }
        return reachable;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    protected ResourceStore newStore() {
        return openCleanStore();
    }

    /** A store on the test schema with an empty table; aborts the calling test when PostgreSQL is not reachable. */
    static JdbcResourceStore openCleanStore() {
        assumeReachable();
        JdbcResourceStore store = JdbcResourceStore.open(
                JdbcStoreConfig.builder(URL).user(USER).password(PASSWORD).schema(SCHEMA).build());
        try {
            execute("TRUNCATE " + SCHEMA + ".resource");
        } catch (SQLException e) {
            store.close();
            throw new IllegalStateException("cannot empty " + SCHEMA + ".resource", e);
        }
        return store;
    }
}
