package org.oneedge.store.jdbc;

import org.oneedge.cse.store.ResourceStore;
import org.oneedge.testkit.store.ResourceStoreProperties;

/** Random histories on an in-memory H2 database. */
class H2MemoryResourceStoreProperties extends ResourceStoreProperties {

    @Override
    protected ResourceStore newStore() {
        return H2MemoryResourceStoreTest.openStore();
    }
}
