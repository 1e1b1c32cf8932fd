package org.oneedge.federation.ranking;

/**
 * How much each normalised metric counts in a candidate's score. Weights are non-negative and used divided by their
 * sum, so only their ratio matters. Defaults ({@link #DEFAULTS}): radio quality 0.25, latency 0.30, load 0.20,
 * cost 0.15, trust 0.10 — latency first because the handover budget is a latency budget (HANDOVER.md).
 */
public record RankingWeights(double radioQuality, double latency, double load, double cost, double trust) {

    public static final RankingWeights DEFAULTS = new RankingWeights(0.25, 0.30, 0.20, 0.15, 0.10);

    public RankingWeights {
        for (double w : new double[] {radioQuality, latency, load, cost, trust}) {
            if (!(w >= 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("ranking weights must be finite and >= 0, were " + radioQuality
                        + "/" + latency + "/" + load + "/" + cost + "/" + trust);
            }
        }
        if (radioQuality + latency + load + cost + trust <= 0) {
            throw new IllegalArgumentException("at least one ranking weight must be positive");
        }
    }

    double sum() {
        return radioQuality + latency + load + cost + trust;
    }
}
