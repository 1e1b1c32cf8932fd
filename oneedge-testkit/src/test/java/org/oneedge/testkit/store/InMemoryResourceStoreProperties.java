package org.oneedge.testkit.store;

import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.ResourceStore;

/** Random histories on the in-memory store. */
class InMemoryResourceStoreProperties extends ResourceStoreProperties {

    @Override
    protected ResourceStore newStore() {
        return new InMemoryResourceStore();
    }
}
