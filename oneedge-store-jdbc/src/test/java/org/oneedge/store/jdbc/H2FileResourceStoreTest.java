package org.oneedge.store.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.testkit.store.ResourceStoreContract;

/** The store contract on an H2 file database, the embedded default (durable commits, one directory per store). */
class H2FileResourceStoreTest extends ResourceStoreContract {

    private static final Path ROOT = Path.of("target", "h2-file-contract");

    @Override
    protected ResourceStore newStore() {
        return openStore();
    }

    static JdbcResourceStore openStore() {
        try {
            Files.createDirectories(ROOT);
            return JdbcResourceStore.h2File(Files.createTempDirectory(ROOT, "store"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a directory for the store under " + ROOT, e);
        }
    }
}
