package org.oneedge.federation.ranking;

import java.util.Locale;

/**
 * Why a candidate scored what it did: each metric normalised to 0..1 (1 best) and the weighted total (0..1).
 * Two candidates' breakdowns are directly comparable because the scales are fixed ({@link MetricScales}).
 */
public record ScoreBreakdown(double radioQuality, double latency, double load, double cost, double trust,
                             double score) {

    /** E.g. {@code score 0.812 = radio 0.90, latency 0.75, load 0.60, cost 1.00, trust 1.00}. */
    public String explain() {
        return String.format(Locale.ROOT, "score %.3f = radio %.2f, latency %.2f, load %.2f, cost %.2f, trust %.2f",
                score, radioQuality, latency, load, cost, trust);
    }
}
