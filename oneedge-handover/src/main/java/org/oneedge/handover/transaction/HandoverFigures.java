package org.oneedge.handover.transaction;

import java.time.Duration;
import java.util.List;

/**
 * The figures every handover records (HANDOVER.md "Figures every handover records"), exposed on the transaction
 * resource. Durations are kept in whole milliseconds.
 *
 * @param preparation         time from REQUESTED to TRANSFERRING
 * @param transfer            time spent exporting and importing the context
 * @param transferBytes       size of the transferred context (JSON)
 * @param uplinkInterruption  last uplink accepted at the source to first accepted at the target, seen by the device
 * @param downlinkHold        longest time a downlink request was held
 * @param messagesLost        must be 0
 * @param duplicatesDelivered must be 0
 * @param resourcesMoved      resources created at the target
 * @param targetsTried        CSE-IDs tried, in order
 */
public record HandoverFigures(Duration preparation, Duration transfer, long transferBytes,
                              Duration uplinkInterruption, Duration downlinkHold, long messagesLost,
                              long duplicatesDelivered, long resourcesMoved, List<String> targetsTried) {

    public static final HandoverFigures NONE = new HandoverFigures(Duration.ZERO, Duration.ZERO, 0, Duration.ZERO,
            Duration.ZERO, 0, 0, 0, List.of());

    public HandoverFigures {
        targetsTried = List.copyOf(targetsTried);
        preparation = millis(preparation);
        transfer = millis(transfer);
        uplinkInterruption = millis(uplinkInterruption);
        downlinkHold = millis(downlinkHold);
    }

    /** Figures are kept at the resource's precision, so a stored transaction reads back equal. */
    private static Duration millis(Duration d) {
        return Duration.ofMillis(d.toMillis());
    }

    public HandoverFigures withPreparation(Duration v) {
        return new HandoverFigures(v, transfer, transferBytes, uplinkInterruption, downlinkHold, messagesLost,
                duplicatesDelivered, resourcesMoved, targetsTried);
    }

    public HandoverFigures withTransfer(Duration v, long bytes, long moved) {
        return new HandoverFigures(preparation, v, bytes, uplinkInterruption, downlinkHold, messagesLost,
                duplicatesDelivered, moved, targetsTried);
    }

    public HandoverFigures withTargetsTried(List<String> v) {
        return new HandoverFigures(preparation, transfer, transferBytes, uplinkInterruption, downlinkHold,
                messagesLost, duplicatesDelivered, resourcesMoved, v);
    }

    public HandoverFigures withContinuity(Duration uplinkGap, Duration hold, long lost, long duplicates) {
        return new HandoverFigures(preparation, transfer, transferBytes, uplinkGap, hold, lost, duplicates,
                resourcesMoved, targetsTried);
    }
}
