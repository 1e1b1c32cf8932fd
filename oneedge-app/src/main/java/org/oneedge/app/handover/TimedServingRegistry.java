package org.oneedge.app.handover;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.oneedge.handover.registry.CasResult;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.registry.ServingState;

/**
 * A serving registry that remembers, per AE, how long its last migration kept it from being written to: from the
 * compare-and-set to {@code MIGRATING} (writes fenced from then on) to the one back to {@code SERVING} (at the
 * target, or at the source on rollback). That is the interruption a device sending at that moment sees at the
 * service layer, without the time it takes the device to notice.
 */
final class TimedServingRegistry implements ServingRegistry {

    private final ServingRegistry registry;
    private final Map<String, Long> migratingSince = new ConcurrentHashMap<>();
    private final Map<String, Duration> lastInterruption = new ConcurrentHashMap<>();

    TimedServingRegistry(ServingRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<ServingEntry> resolve(String aeId) {
        return registry.resolve(aeId);
    }

    @Override
    public CasResult compareAndSet(String aeId, long expectedEpoch, ServingEntry next) {
        long before = System.nanoTime();
        CasResult result = registry.compareAndSet(aeId, expectedEpoch, next);
        if (result.committed()) {
            if (next.state() == ServingState.MIGRATING) {
                migratingSince.put(aeId, before);
            } else {
                Long since = migratingSince.remove(aeId);
                if (since != null) {
                    lastInterruption.put(aeId, Duration.ofNanos(System.nanoTime() - since));
                }
            }
        }
        return result;
    }

    /** The fenced time of the AE's last migration, if it had one. */
    Optional<Duration> lastInterruption(String aeId) {
        return Optional.ofNullable(lastInterruption.get(aeId));
    }
}
