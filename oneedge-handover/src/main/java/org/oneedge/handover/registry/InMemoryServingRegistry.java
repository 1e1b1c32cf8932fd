package org.oneedge.handover.registry;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link ServingRegistry} in one JVM: for tests and single-process topologies. Thread-safe; CAS is atomic per AE. */
public final class InMemoryServingRegistry implements ServingRegistry {

    private final ConcurrentMap<String, ServingEntry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<ServingEntry> resolve(String aeId) {
        return Optional.ofNullable(entries.get(aeId));
    }

    @Override
    public CasResult compareAndSet(String aeId, long expectedEpoch, ServingEntry next) {
        if (!next.aeId().equals(aeId)) {
            throw new IllegalArgumentException("entry for " + next.aeId() + " given for AE " + aeId);
        }
        CasResult[] result = new CasResult[1];
        entries.compute(aeId, (id, current) -> {
            Optional<String> refusal = ServingTransitions.refusal(Optional.ofNullable(current), expectedEpoch, next);
            if (refusal.isPresent()) {
                result[0] = new CasResult.Conflict(Optional.ofNullable(current), refusal.get());
                return current;
            }
            result[0] = new CasResult.Committed(next);
            return next;
        });
        return result[0];
    }
}
