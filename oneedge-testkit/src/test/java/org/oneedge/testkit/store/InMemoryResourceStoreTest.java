package org.oneedge.testkit.store;

import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.ResourceStore;

/** The in-memory store keeps the same contract as the persistent ones. */
class InMemoryResourceStoreTest extends ResourceStoreContract {

    @Override
    protected ResourceStore newStore() {
        return new InMemoryResourceStore();
    }
}
