package org.oneedge.federation.ranking;

/**
 * The fixed scales that turn raw node metrics into comparable 0..1 values (1 is best), so a score never depends on
 * which other nodes are ranked. Defaults ({@link #DEFAULTS}): RSRP -140 dBm (0) to -44 dBm (1) as MEC 012 / 3GPP
 * TS 36.133 report it; latency 0 ms (1) to 200 ms (0), the handover interruption budget; load 0 % (1) to 100 % (0);
 * cost 0 (1) to 10 per hour (0); trust 1 for the requester's home trust domain (or when none is named), 0.5 for any
 * other allowed domain. Values beyond a scale are clamped; an unreported metric scores 0 (unknown is not trusted).
 */
public record MetricScales(double worstRsrpDbm, double bestRsrpDbm, double worstLatencyMs, double worstCostPerHour,
                           double foreignTrust) {

    public static final MetricScales DEFAULTS = new MetricScales(-140, -44, 200, 10, 0.5);

    public MetricScales {
        if (!(bestRsrpDbm > worstRsrpDbm) || !(worstLatencyMs > 0) || !(worstCostPerHour > 0)
                || !(foreignTrust >= 0 && foreignTrust <= 1)) {
            throw new IllegalArgumentException("metric scales need best > worst RSRP, positive latency and cost "
                    + "ranges and a foreign trust within 0..1");
        }
    }

    double radioQuality(Double rsrp) {
        return rsrp == null ? 0 : clamp((rsrp - worstRsrpDbm) / (bestRsrpDbm - worstRsrpDbm));
    }

    double latency(Double ms) {
        return ms == null ? 0 : clamp(1 - ms / worstLatencyMs);
    }

    double load(Double percent) {
        return percent == null ? 0 : clamp(1 - percent / 100);
    }

    double cost(Double perHour) {
        return perHour == null ? 0 : clamp(1 - perHour / worstCostPerHour);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
