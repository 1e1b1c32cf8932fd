package org.oneedge.bench.cse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one {@link CseBench} run, printable as one aligned table or as one JSON object with plain keys
 * ({@code createsPerSecond}, {@code laP99Ms}, {@code laVsBare}, {@code laFlatRatio}, ...).
 */
public record CseBenchReport(CseBenchOptions options, List<PhaseResult> phases, Map<String, PhaseResult> bare,
                             PhaseResult flatSmall, PhaseResult flatLarge) {

    public CseBenchReport {
        phases = List.copyOf(phases);
        bare = Map.copyOf(bare);
    }

    /** The CSE phases first, then the bare handler, then the flatness pair. */
    public List<PhaseResult> allPhases() {
        List<PhaseResult> all = new ArrayList<>(phases);
        if (bare.containsKey("sequential")) {
            all.add(bare.get("sequential"));
        }
        if (bare.containsKey("concurrent")) {
            all.add(bare.get("concurrent"));
        }
        if (flatSmall != null) {
            all.add(flatSmall);
        }
        if (flatLarge != null) {
            all.add(flatLarge);
        }
        return all;
    }

    /** A phase's rate divided by the bare handler's rate at the same concurrency, or NaN without a baseline. */
    public double vsBare(PhaseResult p) {
        if (p.jsonKey().startsWith("bare")) {
            return Double.NaN;
        }
        PhaseResult b = bare.get(p.clients() == 1 ? "sequential" : "concurrent");
        return b == null || b.perSecond() == 0 ? Double.NaN : p.perSecond() / b.perSecond();
    }

    /** {@code la} rate at the large size divided by the rate at 10 instances: 1.0 is perfectly flat. */
    public double flatRatio() {
        return flatSmall == null || flatLarge == null || flatSmall.perSecond() == 0 ? Double.NaN
                : flatLarge.perSecond() / flatSmall.perSecond();
    }

    public String table() {
        boolean withBare = !bare.isEmpty();
        StringBuilder sb = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-26s %7s %10s %7s %10s %8s %8s %8s %8s%s",
                "phase", "clients", "requests", "errors", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms",
                withBare ? String.format(Locale.ROOT, " %8s", "vs bare") : "");
        sb.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        for (PhaseResult p : allPhases()) {
            sb.append(String.format(Locale.ROOT, "%-26s %7d %10d %7d %10.0f %8.2f %8.2f %8.2f %8.2f",
                    p.name(), p.clients(), p.requests(), p.errors(), p.perSecond(), p.p50Ms(), p.p90Ms(), p.p99Ms(),
                    p.maxMs()));
            if (withBare) {
                double r = vsBare(p);
                sb.append(Double.isNaN(r) ? String.format(Locale.ROOT, " %8s", "") : String.format(Locale.ROOT, " %7.0f%%", r * 100));
            }
            sb.append('\n');
        }
        if (flatSmall != null && flatLarge != null) {
            sb.append(String.format(Locale.ROOT, "la flatness: %.0f la/s at 10 instances, %.0f la/s at %d instances, ratio %.2f%n",
                    flatSmall.perSecond(), flatLarge.perSecond(), options.flatSize(), flatRatio()));
        }
        return sb.toString();
    }

    public ObjectNode json() {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("target", options.cseBaseUrl().toString());
        o.put("client", options.client().name().toLowerCase(Locale.ROOT));
        o.put("clients", options.clients());
        o.put("durationSeconds", options.duration().toMillis() / 1000.0);
        o.put("warmupSeconds", options.warmup().toMillis() / 1000.0);
        for (PhaseResult p : allPhases()) {
            String k = p.jsonKey();
            o.put(k + "Clients", p.clients());
            o.put(k + "Requests", p.requests());
            o.put(k + "Errors", p.errors());
            o.put(k + "PerSecond", round(p.perSecond(), 1));
            o.put(k + "P50Ms", round(p.p50Ms(), 3));
            o.put(k + "P90Ms", round(p.p90Ms(), 3));
            o.put(k + "P99Ms", round(p.p99Ms(), 3));
            o.put(k + "MaxMs", round(p.maxMs(), 3));
            double r = vsBare(p);
            if (!Double.isNaN(r)) {
                o.put(k + "VsBare", round(r, 3));
            }
        }
        if (flatSmall != null && flatLarge != null) {
            o.put("laFlatSmallInstances", 10);
            o.put("laFlatLargeInstances", options.flatSize());
            o.put("laFlatRatio", round(flatRatio(), 3));
        }
        return o;
    }

    private static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }
}
