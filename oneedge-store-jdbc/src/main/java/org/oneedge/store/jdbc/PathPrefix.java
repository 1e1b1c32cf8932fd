package org.oneedge.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The rows strictly below a structured path: {@code path LIKE 'p/%'} with the LIKE wildcards in {@code p} escaped
 * (resource names may contain {@code _} and {@code %}), plus the equivalent range {@code 'p/' <= path < 'p0'} so that
 * the path index bounds the scan even where the planner cannot read a LIKE parameter (PostgreSQL generic plans).
 */
record PathPrefix(String like, String from, String to) {

    /** SQL condition with three parameters, bound by {@link #bind}. */
    static final String CONDITION = "path LIKE ? ESCAPE '\\' AND path >= ? AND path < ?";

    static PathPrefix below(String path) {
        String prefix = path + "/";
        // '0' is the character after '/', so [p/, p0) holds exactly the strings that start with "p/"
        return new PathPrefix(escape(prefix) + "%", prefix, path + "0");
    }

    void bind(PreparedStatement ps, int first) throws SQLException {
        ps.setString(first, like);
        ps.setString(first + 1, from);
        ps.setString(first + 2, to);
    }

    static String escape(String literal) {
        StringBuilder sb = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
