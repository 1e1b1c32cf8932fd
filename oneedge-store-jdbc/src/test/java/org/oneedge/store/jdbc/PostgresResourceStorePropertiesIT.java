package org.oneedge.store.jdbc;

import org.oneedge.cse.store.ResourceStore;
import org.oneedge.testkit.store.ResourceStoreProperties;

/** Random histories on PostgreSQL; skipped like {@link PostgresResourceStoreIT} when no server answers. */
class PostgresResourceStorePropertiesIT extends ResourceStoreProperties {

    @Override
    protected ResourceStore newStore() {
        return PostgresResourceStoreIT.openCleanStore();
    }
}
