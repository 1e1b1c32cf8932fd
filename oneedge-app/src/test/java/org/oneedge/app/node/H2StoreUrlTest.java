package org.oneedge.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneedge.store.jdbc.JdbcResourceStore;
import org.oneedge.store.jdbc.JdbcStoreConfig;

class H2StoreUrlTest {

    @TempDir
    Path dir;

    @Test
    void keeps_the_store_open_until_the_node_closes_it_at_jvm_exit() {
        String url = OneEdgeNode.h2FileUrl(dir);

        assertThat(url).startsWith(JdbcResourceStore.h2FileUrl(dir)).contains(";DB_CLOSE_ON_EXIT=FALSE");
        try (JdbcResourceStore store = JdbcResourceStore.open(JdbcStoreConfig.builder(url).build())) {
            assertThat(store.getByPath("nothing-here")).isEmpty();
        }
    }
}
