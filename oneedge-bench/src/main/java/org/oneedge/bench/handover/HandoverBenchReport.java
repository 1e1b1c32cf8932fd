package org.oneedge.bench.handover;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.oneedge.model.ContentCodec;

/**
 * The figures of one handover-bench run (HANDOVER.md "Figures every handover records"), counted at both ends: the
 * devices and the application (sent, acknowledged) and the MN-CSEs (stored). Lost = acknowledged but stored nowhere;
 * duplicates = stored more than once (at one CSE or at two).
 */
public record HandoverBenchReport(
        String mode, int devices, int mnCses, int rounds,
        long handovers, long rolledBack, long failed,
        long uplinkSent, long uplinkAcknowledged, long uplinkUnacknowledged, long uplinkStored, long uplinkLost,
        long uplinkDuplicates,
        long downlinkSent, long downlinkAccepted, long downlinkRefused, long downlinkStored, long downlinkLost,
        long downlinkDuplicates,
        long uplinkInterruptionSamples, double uplinkInterruptionP50Ms, double uplinkInterruptionP99Ms,
        double uplinkInterruptionMaxMs, double downlinkHoldP99Ms, double downlinkHoldMaxMs,
        double handoverP50Ms, double handoverP99Ms, double preparationP50Ms, double preparationP99Ms,
        double transferP50Ms, double transferP99Ms, long transferBytes, long transferBytesTotal,
        double moveAllSeconds, List<Double> moveAllSecondsPerRound, double seconds) {

    public HandoverBenchReport {
        moveAllSecondsPerRound = List.copyOf(moveAllSecondsPerRound);
    }

    /** Messages lost, uplink and downlink (goal: 0). */
    public long lost() {
        return uplinkLost + downlinkLost;
    }

    /** Messages stored twice, uplink and downlink (goal: 0). */
    public long duplicates() {
        return uplinkDuplicates + downlinkDuplicates;
    }

    public ObjectNode json() {
        ObjectNode n = ContentCodec.object();
        n.put("mode", mode);
        n.put("devices", devices);
        n.put("mnCses", mnCses);
        n.put("rounds", rounds);
        n.put("warmupRounds", HandoverBench.warmupRounds(devices, rounds));
        n.put("handovers", handovers);
        n.put("handoversRolledBack", rolledBack);
        n.put("handoversFailed", failed);
        n.put("lost", lost());
        n.put("duplicates", duplicates());
        n.put("uplinkSent", uplinkSent);
        n.put("uplinkAcknowledged", uplinkAcknowledged);
        n.put("uplinkUnacknowledged", uplinkUnacknowledged);
        n.put("uplinkStored", uplinkStored);
        n.put("uplinkLost", uplinkLost);
        n.put("uplinkDuplicates", uplinkDuplicates);
        n.put("downlinkSent", downlinkSent);
        n.put("downlinkAccepted", downlinkAccepted);
        n.put("downlinkRefused", downlinkRefused);
        n.put("downlinkStored", downlinkStored);
        n.put("downlinkLost", downlinkLost);
        n.put("downlinkDuplicates", downlinkDuplicates);
        n.put("uplinkInterruptionSamples", uplinkInterruptionSamples);
        n.put("uplinkInterruptionP50Ms", round(uplinkInterruptionP50Ms));
        n.put("uplinkInterruptionP99Ms", round(uplinkInterruptionP99Ms));
        n.put("uplinkInterruptionMaxMs", round(uplinkInterruptionMaxMs));
        n.put("downlinkHoldP99Ms", round(downlinkHoldP99Ms));
        n.put("downlinkHoldMaxMs", round(downlinkHoldMaxMs));
        n.put("handoverP50Ms", round(handoverP50Ms));
        n.put("handoverP99Ms", round(handoverP99Ms));
        n.put("preparationP50Ms", round(preparationP50Ms));
        n.put("preparationP99Ms", round(preparationP99Ms));
        n.put("transferP50Ms", round(transferP50Ms));
        n.put("transferP99Ms", round(transferP99Ms));
        n.put("transferBytes", transferBytes);
        n.put("transferBytesTotal", transferBytesTotal);
        n.put("moveAllSeconds", round(moveAllSeconds));
        var perRound = n.putArray("moveAllSecondsPerRound");
        moveAllSecondsPerRound.forEach(s -> perRound.add(round(s)));
        n.put("seconds", round(seconds));
        return n;
    }

    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Handover bench: %d device(s), %s, %d MN-CSEs, %d round(s) measured after"
                + " %d warm-up round(s), %.1f s%n", devices, mode, mnCses, rounds, HandoverBench.warmupRounds(devices, rounds),
                seconds));
        b.append(String.format(Locale.ROOT, "  handovers            %d completed, %d rolled back, %d failed%n",
                handovers, rolledBack, failed));
        b.append(String.format(Locale.ROOT, "  uplink interruption  p50 %.1f ms  p99 %.1f ms  max %.1f ms  (%d)%n",
                uplinkInterruptionP50Ms, uplinkInterruptionP99Ms, uplinkInterruptionMaxMs,
                uplinkInterruptionSamples));
        b.append(String.format(Locale.ROOT, "  downlink hold        p99 %.1f ms  max %.1f ms%n", downlinkHoldP99Ms,
                downlinkHoldMaxMs));
        b.append(String.format(Locale.ROOT, "  handover time        p50 %.1f ms  p99 %.1f ms (preparation p50 %.0f p99"
                + " %.0f ms, transfer p50 %.0f p99 %.0f ms)%n", handoverP50Ms, handoverP99Ms, preparationP50Ms,
                preparationP99Ms, transferP50Ms, transferP99Ms));
        b.append(String.format(Locale.ROOT, "  transfer             %d bytes per handover (%d in all)%n",
                transferBytes, transferBytesTotal));
        b.append(String.format(Locale.ROOT, "  uplink               %d sent, %d acknowledged, %d not, %d stored:"
                + " %d lost, %d duplicates%n", uplinkSent, uplinkAcknowledged, uplinkUnacknowledged, uplinkStored,
                uplinkLost, uplinkDuplicates));
        b.append(String.format(Locale.ROOT, "  downlink             %d sent, %d accepted, %d refused, %d stored:"
                + " %d lost, %d duplicates%n", downlinkSent, downlinkAccepted, downlinkRefused, downlinkStored,
                downlinkLost, downlinkDuplicates));
        List<Double> sorted = moveAllSecondsPerRound.stream().sorted().toList();
        b.append(String.format(Locale.ROOT,
                "  move all devices     %.2f s (slowest round; median %.2f s, fastest %.2f s)%n", moveAllSeconds, sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2),
                sorted.isEmpty() ? 0 : sorted.get(0)));
        b.append(String.format(Locale.ROOT, "  lost %d, duplicates %d%n", lost(), duplicates()));
        return b.toString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
