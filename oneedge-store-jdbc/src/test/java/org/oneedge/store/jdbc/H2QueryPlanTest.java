package org.oneedge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oneedge.testkit.store.StoreFixtures.at;
import static org.oneedge.testkit.store.StoreFixtures.child;
import static org.oneedge.testkit.store.StoreFixtures.cseBase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;

/**
 * {@code la}, {@code ol} and typed children pages must walk the children index instead of sorting every child, so
 * that their cost does not grow with the container (H2 sorts by an index only when ORDER BY starts with the index's
 * first column). Checked on H2's own plan and row counts rather than on timings.
 */
class H2QueryPlanTest {

    private static JdbcResourceStore store;

    @BeforeAll
    static void containerWithManyInstances() {
        store = JdbcResourceStore.h2Memory("plans");
        Resource cb = cseBase("id-in", "cse-in");
        Resource cnt = child(cb, "cnt1", ResourceType.CONTAINER, "cnt", at(1));
        List<Write> writes = new ArrayList<>(List.of(new Write.Create(cb), new Write.Create(cnt)));
        for (int i = 0; i < 2_000; i++) {
            ResourceType type = i % 10 == 0 ? ResourceType.SUBSCRIPTION : ResourceType.CONTENT_INSTANCE;
            writes.add(new Write.Create(child(cnt, "cin" + i, type, "n" + i, at(10 + i))));
        }
        store.apply(writes);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void latest_child_reads_one_index_entry() throws SQLException {
        assertThat(plan("EXPLAIN ANALYZE " + JdbcResourceStore.LATEST, "cnt1", 4))
                .contains("index sorted").contains("scanCount: 1 */");
    }

    @Test
    void oldest_child_reads_one_index_entry() throws SQLException {
        assertThat(plan("EXPLAIN ANALYZE " + JdbcResourceStore.OLDEST, "cnt1", 4))
                .contains("index sorted").contains("scanCount: 1 */");
    }

    @Test
    void a_first_page_of_typed_children_reads_only_that_page() throws SQLException {
        assertThat(plan("EXPLAIN ANALYZE " + JdbcResourceStore.CHILDREN_OF_TYPE, "cnt1", 4, 0L, 10L))
                .contains("index sorted").contains("scanCount: 10 */");
    }

    private static String plan(String sql, Object... params) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
