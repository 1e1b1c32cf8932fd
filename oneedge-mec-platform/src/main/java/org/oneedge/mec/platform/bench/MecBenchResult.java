package org.oneedge.mec.platform.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What one {@link MecBench} run measured (over the measured window, after warm-up); prints itself for people
 * ({@link #toString()}) and renders as JSON for machines ({@link #toJson()}).
 *
 * @param ues                            UEs emulated
 * @param updateRateHz                   position updates per UE per second asked for
 * @param seconds                        measured wall-clock seconds
 * @param targetPositionUpdatesPerSecond {@code ues × updateRateHz}
 * @param positionUpdatesPerSecond       position-update events the emulator produced per wall second
 * @param emulatedSecondsPerSecond       emulated time per wall second (1.0 = kept real time)
 * @param cellChanges                    cell changes in the window
 * @param zoneChanges                    zone entries in the window
 * @param hostChanges                    MEC host changes in the window
 * @param measurementReports             UE measurement reports in the window
 * @param notificationsDelivered         notifications the local receiver got in the window
 * @param notificationsPerSecond         {@code notificationsDelivered / seconds}
 * @param notificationsDropped           notifications the platform dropped in the window (queue full or failed)
 * @param notificationsCoalesced         periodic reports superseded by a newer one for the same UE while queued
 *                                       (not delivered, by design: the subscriber lagged and gets the latest)
 * @param notificationsPending           notifications still queued when the window ended (delivered later)
 * @param availableProcessors            CPUs the JVM saw
 * @param cpuCoresUsed                   process CPU time per wall second in the window (all threads: emulator, APIs,
 *                                       notification delivery and the receiver); below {@code availableProcessors}
 *                                       while falling behind means other processes took the CPU
 */
public record MecBenchResult(int ues, double updateRateHz, double seconds, double targetPositionUpdatesPerSecond,
                             double positionUpdatesPerSecond, double emulatedSecondsPerSecond, long cellChanges,
                             long zoneChanges, long hostChanges, long measurementReports,
                             long notificationsDelivered, double notificationsPerSecond, long notificationsDropped,
                             long notificationsCoalesced, long notificationsPending, int availableProcessors,
                             double cpuCoresUsed) {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Whether the emulator kept up with the asked position-update rate (within 5 %). */
    public boolean keptUp() {
        return positionUpdatesPerSecond >= 0.95 * targetPositionUpdatesPerSecond;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return String.format("""
                MEC benchmark: %d UEs at %.0f Hz on %d CPUs, measured %.1f s, %.2f cores used
                  position updates/s   %,.0f of %,.0f target (%s), emulated %.2f s per s
                  radio events         %,d cell changes, %,d zone changes, %,d host changes, %,d measurement reports
                  notifications        %,d delivered (%,.0f/s), %,d dropped, %,d superseded reports coalesced,
                                       %,d still queued at the end""",
                ues, updateRateHz, availableProcessors, seconds, cpuCoresUsed, positionUpdatesPerSecond,
                targetPositionUpdatesPerSecond, keptUp() ? "kept up" : "fell behind", emulatedSecondsPerSecond,
                cellChanges, zoneChanges, hostChanges, measurementReports, notificationsDelivered,
                notificationsPerSecond, notificationsDropped, notificationsCoalesced, notificationsPending);
    }
}
