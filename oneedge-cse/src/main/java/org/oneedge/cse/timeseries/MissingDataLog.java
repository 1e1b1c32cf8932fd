package org.oneedge.cse.timeseries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The missing data points the {@link MissingDataDetector} found and the {@link TimeSeriesHandler} has not yet
 * written into a timeSeries' {@code mdlt}; kept per timeSeries {@code ri}, handed over exactly once.
 */
public final class MissingDataLog {

    private final Map<String, List<Instant>> pending = new ConcurrentHashMap<>();

    void record(String timeSeriesRi, Instant missing) {
        pending.compute(timeSeriesRi, (k, list) -> {
            List<Instant> l = list == null ? new ArrayList<>() : list;
            l.add(missing);
            return l;
        });
    }

    /** The points recorded for a timeSeries since the last call, oldest first; empty when none. */
    List<Instant> drain(String timeSeriesRi) {
        List<Instant> taken = pending.remove(timeSeriesRi);
        return taken == null ? List.of() : List.copyOf(taken);
    }

    void forget(String timeSeriesRi) {
        pending.remove(timeSeriesRi);
    }
}
