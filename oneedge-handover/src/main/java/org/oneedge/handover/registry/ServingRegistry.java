package org.oneedge.handover.registry;

import java.util.Optional;

/**
 * The serving registry at the IN-CSE (HANDOVER.md "Serving registry"): answers "who serves AE-ID X" and is changed
 * only by compare-and-set on the fencing epoch, so two coordinators can never both move an AE. Implementations:
 * {@link InMemoryServingRegistry} and {@link CseServingRegistry} (oneM2M resources at the IN-CSE).
 */
public interface ServingRegistry {

    /** Epoch to pass as {@code expectedEpoch} when the AE has no entry yet. */
    long ABSENT = 0;

    /** The entry of the AE, if it is known. */
    Optional<ServingEntry> resolve(String aeId);

    /**
     * Stores {@code next} if the AE's current epoch is {@code expectedEpoch} ({@link #ABSENT} for no entry) and the
     * change is allowed by {@link ServingTransitions}; otherwise changes nothing and returns the current entry.
     */
    CasResult compareAndSet(String aeId, long expectedEpoch, ServingEntry next);
}
