package org.oneedge.cse.store;

/** A batch broke a store rule (duplicate id or name, missing resource); the store is unchanged. */
public class StoreConflictException extends RuntimeException {
    public StoreConflictException(String message) {
        super(message);
    }

    public StoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
