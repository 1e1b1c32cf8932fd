package org.oneedge.store.jdbc;

import org.oneedge.cse.store.ResourceStore;
import org.oneedge.testkit.store.ResourceStoreProperties;

/** Random histories on an H2 file database. */
class H2FileResourceStoreProperties extends ResourceStoreProperties {

    @Override
    protected ResourceStore newStore() {
        return H2FileResourceStoreTest.openStore();
    }
}
