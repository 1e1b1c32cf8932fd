package org.oneedge.mec.platform.metrics;

import org.oneedge.mec.api.common.MecProblemException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link HostMetricsSource} of each configured MEC host: the ones given to the platform builder, an
 * {@link EmulatedHostMetrics} for every other host.
 */
public final class HostMetricsSources {

    private final Map<String, HostMetricsSource> sources = new LinkedHashMap<>();

    public HostMetricsSources(List<String> hostNames, Map<String, HostMetricsSource> overrides) {
        for (String host : hostNames) {
            sources.put(host, overrides.getOrDefault(host, new EmulatedHostMetrics()));
        }
        for (String host : overrides.keySet()) {
            if (!sources.containsKey(host)) {
                throw new IllegalArgumentException("metrics source given for unknown MEC host '" + host + "'");
            }
        }
    }

    public List<String> hostNames() {
        return List.copyOf(sources.keySet());
    }

    /** The source of a host; 404 if the host is unknown. */
    public HostMetricsSource source(String hostName) {
        HostMetricsSource s = sources.get(hostName);
        if (s == null) {
            throw MecProblemException.notFound("unknown MEC host '" + hostName + "'");
        }
        return s;
    }

    /** The emulated source of a host, if it has one (for the emulator and tests to set figures). */
    public Optional<EmulatedHostMetrics> emulated(String hostName) {
        return sources.get(hostName) instanceof EmulatedHostMetrics e ? Optional.of(e) : Optional.empty();
    }

    public Map<String, HostMetricsSource> all() {
        return Map.copyOf(sources);
    }
}
