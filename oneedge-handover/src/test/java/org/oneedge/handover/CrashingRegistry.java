package org.oneedge.handover;

import java.util.Optional;
import org.oneedge.handover.registry.CasResult;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.registry.ServingState;

/** A serving registry that fails ("the coordinator crashed") at the n-th serving switch it is asked to make. */
final class CrashingRegistry implements ServingRegistry {

    private final ServingRegistry delegate;
    private int switchesLeft;

    /** @param crashAtSwitch 1 for the first switch; 0 never crashes */
    CrashingRegistry(ServingRegistry delegate, int crashAtSwitch) {
        this.delegate = delegate;
        this.switchesLeft = crashAtSwitch == 0 ? Integer.MAX_VALUE : crashAtSwitch - 1;
    }

    @Override
    public Optional<ServingEntry> resolve(String aeId) {
        return delegate.resolve(aeId);
    }

    @Override
    public CasResult compareAndSet(String aeId, long expectedEpoch, ServingEntry next) {
        if (next.state() == ServingState.SERVING && next.epoch() > expectedEpoch && switchesLeft-- == 0) {
            throw new IllegalStateException("crash before switching " + aeId);
        }
        return delegate.compareAndSet(aeId, expectedEpoch, next);
    }
}
