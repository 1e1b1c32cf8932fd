package org.oneedge.store.jdbc;

/** What differs between the supported databases: where their migrations live and how they are shut down. */
enum SqlDialect {
    H2("classpath:db/migration/h2"),
    POSTGRESQL("classpath:db/migration/postgresql");

    private final String migrations;

    SqlDialect(String migrations) {
        this.migrations = migrations;
    }

    String migrations() {
        return migrations;
    }

    static SqlDialect of(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL: " + url);
    }
}
