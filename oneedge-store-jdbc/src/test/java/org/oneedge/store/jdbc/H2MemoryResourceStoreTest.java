package org.oneedge.store.jdbc;

import java.util.concurrent.atomic.AtomicInteger;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.testkit.store.ResourceStoreContract;

/** The store contract on an in-memory H2 database. */
class H2MemoryResourceStoreTest extends ResourceStoreContract {

    private static final AtomicInteger databases = new AtomicInteger();

    @Override
    protected ResourceStore newStore() {
        return openStore();
    }

    static JdbcResourceStore openStore() {
        return JdbcResourceStore.h2Memory("contract" + databases.incrementAndGet());
    }
}
