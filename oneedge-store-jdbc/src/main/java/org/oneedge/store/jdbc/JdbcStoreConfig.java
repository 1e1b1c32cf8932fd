package org.oneedge.store.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JdbcResourceStore} reaches its database; the factory methods of {@link JdbcResourceStore} fill it for
 * the usual cases (H2 file, H2 in memory, PostgreSQL).
 *
 * @param url               JDBC URL, {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
 * @param user              database user (default empty)
 * @param password          database password (default empty)
 * @param schema            schema holding the {@code resource} table, created by the migrations if missing;
 *                          null for the connection's default schema (default null)
 * @param maximumPoolSize   connections for reads, plus one held by the writer (default 8)
 * @param maxGroupSize      most {@code apply} calls committed together in one transaction (default 256)
 * @param connectionTimeout longest wait for a pooled connection before a read fails (default 10 s)
 * @param readCacheSize     most resources kept parsed for reads by {@code ri} and path, 0 for none; only right when
 *                          the store is the database's only writer (default 10,000 for H2, whose embedded database
 *                          one process owns, 0 for PostgreSQL, which other processes may write)
 */
public record JdbcStoreConfig(
        String url,
        String user,
        String password,
        String schema,
        int maximumPoolSize,
        int maxGroupSize,
        Duration connectionTimeout,
        int readCacheSize) {

    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 8;
    public static final int DEFAULT_MAX_GROUP_SIZE = 256;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_H2_READ_CACHE_SIZE = 10_000;

    public JdbcStoreConfig {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("unsupported JDBC URL (need jdbc:h2: or jdbc:postgresql:): " + url);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximumPoolSize must be at least 1, was " + maximumPoolSize);
        }
        if (maxGroupSize < 1) {
            throw new IllegalArgumentException("maxGroupSize must be at least 1, was " + maxGroupSize);
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (readCacheSize < 0) {
            throw new IllegalArgumentException("readCacheSize must not be negative, was " + readCacheSize);
        }
    }

    public static Builder builder(String url) {
        return new Builder(url);
    }

    public Builder toBuilder() {
        return new Builder(url).user(user).password(password).schema(schema).maximumPoolSize(maximumPoolSize)
                .maxGroupSize(maxGroupSize).connectionTimeout(connectionTimeout).readCacheSize(readCacheSize);
    }

    /** Builds a {@link JdbcStoreConfig} starting from the documented defaults. */
    public static final class Builder {
        private final String url;
        private String user = "";
        private String password = "";
        private String schema;
        private int maximumPoolSize = DEFAULT_MAXIMUM_POOL_SIZE;
        private int maxGroupSize = DEFAULT_MAX_GROUP_SIZE;
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
        private Integer readCacheSize;

        private Builder(String url) {
            this.url = url;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        public Builder maximumPoolSize(int maximumPoolSize) {
            this.maximumPoolSize = maximumPoolSize;
            return this;
        }

        public Builder maxGroupSize(int maxGroupSize) {
            this.maxGroupSize = maxGroupSize;
            return this;
        }

        public Builder connectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        public Builder readCacheSize(int readCacheSize) {
            this.readCacheSize = readCacheSize;
            return this;
        }

        public JdbcStoreConfig build() {
            int cache = readCacheSize != null ? readCacheSize
                    : url != null && url.startsWith("jdbc:h2:") ? DEFAULT_H2_READ_CACHE_SIZE : 0;
            return new JdbcStoreConfig(url, user, password, schema, maximumPoolSize, maxGroupSize, connectionTimeout,
                    cache);
        }
    }
}
