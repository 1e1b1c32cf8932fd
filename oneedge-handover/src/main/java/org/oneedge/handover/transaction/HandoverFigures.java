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
 * @param targetOutcomes      why each target tried ended as it did, same order as {@code targetsTried} (HANDOVER.md
 *                            "the outcome names every target tried and why it failed"); empty when not recorded
 */
public record HandoverFigures(Duration preparation, Duration transfer, long transferBytes,
                              Duration uplinkInterruption, Duration downlinkHold, long messagesLost,
                              long duplicatesDelivered, long resourcesMoved, List<String> targetsTried,
                              List<String> targetOutcomes) {

    public static final HandoverFigures NONE = new HandoverFigures(Duration.ZERO, Duration.ZERO, 0, Duration.ZERO,
            Duration.ZERO, 0, 0, 0, List.of(), List.of());

    public HandoverFigures {
        targetsTried = List.copyOf(targetsTried);
        targetOutcomes = targetOutcomes == null ? List.of() : List.copyOf(targetOutcomes);
        if (!targetOutcomes.isEmpty() && targetOutcomes.size() != targetsTried.size()) {
            throw new IllegalArgumentException("one outcome per target tried: " + targetsTried + " / "
                    + targetOutcomes);
        }
        preparation = millis(preparation);
        transfer = millis(transfer);
        uplinkInterruption = millis(uplinkInterruption);
        downlinkHold = millis(downlinkHold);
    }

    /** The figures without per-target outcomes. */
    public HandoverFigures(Duration preparation, Duration transfer, long transferBytes, Duration uplinkInterruption,
                           Duration downlinkHold, long messagesLost, long duplicatesDelivered, long resourcesMoved,
                           List<String> targetsTried) {
        this(preparation, transfer, transferBytes, uplinkInterruption, downlinkHold, messagesLost,
                duplicatesDelivered, resourcesMoved, targetsTried, List.of());
    }

    /** Figures are kept at the resource's precision, so a stored transaction reads back equal. */
    private static Duration millis(Duration d) {
        return Duration.ofMillis(d.toMillis());
    }

    public HandoverFigures withPreparation(Duration v) {
        return new HandoverFigures(v, transfer, transferBytes, uplinkInterruption, downlinkHold, messagesLost,
                duplicatesDelivered, resourcesMoved, targetsTried, targetOutcomes);
    }

    public HandoverFigures withTransfer(Duration v, long bytes, long moved) {
        return new HandoverFigures(preparation, v, bytes, uplinkInterruption, downlinkHold, messagesLost,
                duplicatesDelivered, moved, targetsTried, targetOutcomes);
    }

    public HandoverFigures withTargetsTried(List<String> v) {
        return new HandoverFigures(preparation, transfer, transferBytes, uplinkInterruption, downlinkHold,
                messagesLost, duplicatesDelivered, resourcesMoved, v, List.of());
    }

    /** Every target tried, in order, each with why it ended as it did. */
    public HandoverFigures withTargetsTried(List<String> targets, List<String> outcomes) {
        return new HandoverFigures(preparation, transfer, transferBytes, uplinkInterruption, downlinkHold,
                messagesLost, duplicatesDelivered, resourcesMoved, targets, outcomes);
    }

    public HandoverFigures withContinuity(Duration uplinkGap, Duration hold, long lost, long duplicates) {
        return new HandoverFigures(preparation, transfer, transferBytes, uplinkGap, hold, lost, duplicates,
                resourcesMoved, targetsTried, targetOutcomes);
    }
}
