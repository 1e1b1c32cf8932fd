package org.oneedge.store.jdbc;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.testkit.store.ResourceStoreProperties;

/** Random histories on PostgreSQL; skipped like {@link PostgresResourceStoreIT} when no server answers. */
@AddLifecycleHook(PostgresResourceStorePropertiesIT.SkipWithoutServer.class)
class PostgresResourceStorePropertiesIT extends ResourceStoreProperties {

    @Override
    protected ResourceStore newStore() {
        return PostgresResourceStoreIT.openCleanStore();
    }

    /** jqwik's way to skip with a message (JUnit assumptions would fail a property). */
    public static class SkipWithoutServer implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return PostgresResourceStoreIT.reachable()
                    ? SkipResult.doNotSkip()
                    : SkipResult.skip(PostgresResourceStoreIT.skipMessage());
        }
    }
}
