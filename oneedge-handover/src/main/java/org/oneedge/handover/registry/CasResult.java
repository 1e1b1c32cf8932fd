package org.oneedge.handover.registry;

import java.util.Optional;

/** The outcome of a serving-registry compare-and-set: committed, or refused with the entry as it stands. */
public sealed interface CasResult {

    /** The new entry is stored. */
    record Committed(ServingEntry entry) implements CasResult {
    }

    /** Nothing changed: the epoch moved or the change is not allowed from the current entry. */
    record Conflict(Optional<ServingEntry> current, String reason) implements CasResult {
    }

    default boolean committed() {
        return this instanceof Committed;
    }
}
