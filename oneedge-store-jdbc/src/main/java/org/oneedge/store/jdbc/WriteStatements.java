package org.oneedge.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.StoreConflictException;

/**
 * Runs one caller's batch of writes inside the writer's open transaction. A broken store rule surfaces as
 * {@link StoreConflictException}; the caller of this class rolls the transaction back.
 */
final class WriteStatements {

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

    private WriteStatements() {
    }

    static void execute(Connection connection, List<RowWrite> writes) throws SQLException {
        for (RowWrite write : writes) {
            switch (write) {
                case RowWrite.Insert insert -> insert(connection, insert.row());
                case RowWrite.Update update -> update(connection, update.row());
                case RowWrite.DeleteSubtree delete -> deleteSubtree(connection, delete.ri());
            }
        }
    }

    private static void insert(Connection connection, ResourceRow row) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            row.bind(ps, 1);
            ps.executeUpdate();
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
        return new StoreConflictException("resource " + r.ri() + " already exists", e);
    }

    private static void update(Connection connection, ResourceRow row) throws SQLException {
        int updated;
        try (PreparedStatement ps = connection.prepareStatement(UPDATE)) {
            row.bind(ps, 1);
            ps.setString(11, row.ri());
            updated = ps.executeUpdate();
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

    private static void deleteSubtree(Connection connection, String ri) throws SQLException {
        String path;
        try (PreparedStatement ps = connection.prepareStatement(SELECT_PATH)) {
            ps.setString(1, ri);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                path = rs.getString(1);
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(DELETE_BELOW)) {
            PathPrefix.below(path).bind(ps, 1);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(DELETE_ONE)) {
            ps.setString(1, ri);
            ps.executeUpdate();
        }
    }
}
