package org.oneedge.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work the store's writer does between group commits, on its own connection (e.g. H2 file compaction). */
interface Housekeeping {

    Housekeeping NONE = connection -> { };

    void afterCommit(Connection connection) throws SQLException;
}
