package org.oneedge.handover.transaction;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a handover transaction (HANDOVER.md "Handover transaction"). The serving-registry switch is the
 * commit point: it happens at the end of {@code TRANSFERRING}; {@code SWITCHING} and later are past it.
 * <pre>
 *   REQUESTED -> PREPARING -> TRANSFERRING -> SWITCHING -> COMPLETED
 *       \___________\______________\-> ROLLED_BACK          (before the commit)
 *       \___________\______________\___________\-> FAILED   (with a reason code)
 * </pre>
 */
public enum TransactionState {
    REQUESTED, PREPARING, TRANSFERRING, SWITCHING, COMPLETED, ROLLED_BACK, FAILED;

    /** True for COMPLETED, ROLLED_BACK and FAILED. */
    public boolean terminal() {
        return this == COMPLETED || this == ROLLED_BACK || this == FAILED;
    }

    /** The states this one may move to. */
    public Set<TransactionState> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(PREPARING, ROLLED_BACK, FAILED);
            case PREPARING -> EnumSet.of(TRANSFERRING, ROLLED_BACK, FAILED);
            case TRANSFERRING -> EnumSet.of(SWITCHING, ROLLED_BACK, FAILED);
            case SWITCHING -> EnumSet.of(COMPLETED, FAILED);
            case COMPLETED, ROLLED_BACK, FAILED -> EnumSet.noneOf(TransactionState.class);
        };
    }
}
