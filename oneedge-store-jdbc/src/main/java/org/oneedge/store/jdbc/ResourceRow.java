package org.oneedge.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ResourceType;

/**
 * A {@link Resource} as the columns of the {@code resource} table, with its representation already serialised, so
 * that JSON work happens on the caller's thread and not on the single writer's.
 */
record ResourceRow(Resource resource, String doc) {

    /** Columns in the order {@link #bind} and {@link #read} use them. */
    static final String COLUMNS = "ri, pi, ty, rn, path, ct, lt, et, doc";

    /** Oldest and latest instants every supported database can hold (PostgreSQL's range is the narrower). */
    private static final Instant EARLIEST = Instant.parse("-4000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+294000-01-01T00:00:00Z");

    /** Thread-safe once configured; shared by every store in the JVM. */
    private static final ObjectMapper JSON = new ObjectMapper();

    static ResourceRow of(Resource resource) {
        try {
            return new ResourceRow(resource, JSON.writeValueAsString(resource.attributes()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise resource " + resource.ri(), e);
        }
    }

    String ri() {
        return resource.ri();
    }

    /** Binds ri, pi, ty, rn, path, lvl, ct, lt, et, doc starting at parameter {@code first}. */
    void bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        ps.setString(i++, resource.ri());
        ps.setString(i++, resource.pi());
        ps.setInt(i++, resource.type().ty());
        ps.setString(i++, resource.rn());
        ps.setString(i++, resource.path());
        ps.setInt(i++, resource.depth());
        ps.setObject(i++, timestamp(resource.createdAt()));
        ps.setObject(i++, timestamp(resource.modifiedAt()));
        if (resource.expiresAt() == null) {
            ps.setNull(i++, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i++, timestamp(resource.expiresAt()));
        }
        ps.setString(i, doc);
    }

    /** Reads the row at the cursor (selected with {@link #COLUMNS}). */
    static Resource read(ResultSet rs) throws SQLException {
        String ri = rs.getString(1);
        int ty = rs.getInt(3);
        ResourceType type = ResourceType.of(ty)
                .orElseThrow(() -> new SQLException("resource " + ri + " has unknown type " + ty));
        OffsetDateTime et = rs.getObject(8, OffsetDateTime.class);
        return new Resource(ri, rs.getString(2), type, rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant(),
                et == null ? null : et.toInstant(), parse(ri, rs.getString(9)));
    }

    private static ObjectNode parse(String ri, String doc) throws SQLException {
        try {
            JsonNode node = JSON.readTree(doc);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new SQLException("resource " + ri + " has a document that is not a JSON object");
        } catch (JsonProcessingException e) {
            throw new SQLException("resource " + ri + " has an unreadable document", e);
        }
    }

    /** An instant as a bind value; ones beyond what the databases hold are clamped (only query bounds get there). */
    static OffsetDateTime timestamp(Instant instant) {
        Instant clamped = instant.isAfter(LATEST) ? LATEST : instant.isBefore(EARLIEST) ? EARLIEST : instant;
        return clamped.atOffset(ZoneOffset.UTC);
    }
}
