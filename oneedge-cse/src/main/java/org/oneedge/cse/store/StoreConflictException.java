package org.oneedge.cse.store;

import java.util.Optional;

/**
 * A batch broke a store rule (duplicate id or name, missing resource); the store is unchanged. When the rule was the
 * unique {@code ri} of a CREATE, {@link #takenResourceId()} names it, so the engine can tell a clash of its own
 * generated {@code ri} (which it may retry with another one) from a name clash (4105 for the originator).
 */
public class StoreConflictException extends RuntimeException {

    private final String takenResourceId;

    public StoreConflictException(String message) {
        super(message);
        this.takenResourceId = null;
    }

    /** Keeps the taken {@code ri} of {@code cause} when it is a conflict itself (rethrown on another thread). */
    public StoreConflictException(String message, Throwable cause) {
        super(message, cause);
        this.takenResourceId = cause instanceof StoreConflictException c ? c.takenResourceId : null;
    }

    private StoreConflictException(String ri, String message, Throwable cause) {
        super(message, cause);
        this.takenResourceId = ri;
    }

    /** A CREATE met a resource that already has its {@code ri}. */
    public static StoreConflictException resourceIdTaken(String ri, Throwable cause) {
        return new StoreConflictException(ri, "resource " + ri + " already exists", cause);
    }

    /** The {@code ri} a CREATE found taken; empty for every other conflict. */
    public Optional<String> takenResourceId() {
        return Optional.ofNullable(takenResourceId);
    }
}
