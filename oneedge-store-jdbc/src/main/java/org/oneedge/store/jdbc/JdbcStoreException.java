package org.oneedge.store.jdbc;

/** The database failed (unreachable, disk full, broken connection); unlike a conflict, the caller did nothing wrong. */
public class JdbcStoreException extends RuntimeException {
    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
