package org.oneedge.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.StoreConflictException;

/**
 * Runs one caller's batch of writes inside the writer's open transaction, on statements prepared once for the
 * writer's connection. A broken store rule surfaces as {@link StoreConflictException}; the caller of this class rolls
 * the transaction back.
 */
final class WriteStatements implements AutoCloseable {

    private static final String INSERT =
            "INSERT INTO resource (ri, pi, ty, rn, path, lvl, ct, lt, et, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE =
            "UPDATE resource SET ri = ?, pi = ?, ty = ?, rn = ?, path = ?, lvl = ?, ct = ?, lt = ?, et = ?, doc = ?"
                    + " WHERE ri = ?";
    private static final String SELECT_PATH = "SELECT path FROM resource WHERE ri = ?";
    private static final String DELETE_BELOW = "DELETE FROM resource WHERE " + PathPrefix.CONDITION;
    private static final String DELETE_ONE = "DELETE FROM resource WHERE ri = ?";

    /** SQLState of a unique constraint violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement selectPath;
    private final PreparedStatement deleteBelow;
    private final PreparedStatement deleteOne;

    WriteStatements(Connection connection) throws SQLException {
        insert = connection.prepareStatement(INSERT);
        update = connection.prepareStatement(UPDATE);
        selectPath = connection.prepareStatement(SELECT_PATH);
        deleteBelow = connection.prepareStatement(DELETE_BELOW);
        deleteOne = connection.prepareStatement(DELETE_ONE);
    }

    /** Runs the writes in order, except the updates in {@code skipped} (overwritten later in the same transaction). */
    void execute(List<RowWrite> writes, Set<RowWrite> skipped) throws SQLException {
        for (RowWrite write : writes) {
            switch (write) {
                case RowWrite.Insert i -> insert(i.row());
                case RowWrite.Update u -> {
                    if (!skipped.contains(u)) {
                        update(u.row());
                    }
                }
                case RowWrite.DeleteSubtree d -> deleteSubtree(d.ri());
            }
        }
    }

    private void insert(ResourceRow row) throws SQLException {
        try {
            row.bind(insert, 1);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw conflict(row.resource(), e);
            }
            throw e;
        }
    }

    private static StoreConflictException conflict(Resource r, SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("resource_sibling_name_uk") || message.contains("resource_path_uk")) {
            return new StoreConflictException(
                    "a resource named " + r.rn() + " already exists under " + r.pi() + " (" + r.path() + ")", e);
        }
        return StoreConflictException.resourceIdTaken(r.ri(), e);
    }

    private void update(ResourceRow row) throws SQLException {
        int updated;
        try {
            row.bind(update, 1);
            update.setString(11, row.ri());
            updated = update.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw conflict(row.resource(), e);
            }
            throw e;
        }
        if (updated == 0) {
            throw new StoreConflictException("resource " + row.ri() + " does not exist");
        }
    }

    private void deleteSubtree(String ri) throws SQLException {
        String path;
        selectPath.setString(1, ri);
        try (ResultSet rs = selectPath.executeQuery()) {
            if (!rs.next()) {
                return;
            }
            path = rs.getString(1);
        }
        PathPrefix.below(path).bind(deleteBelow, 1);
        deleteBelow.executeUpdate();
        deleteOne.setString(1, ri);
        deleteOne.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : List.of(insert, update, selectPath, deleteBelow, deleteOne)) {
            ps.close();
        }
    }
}
