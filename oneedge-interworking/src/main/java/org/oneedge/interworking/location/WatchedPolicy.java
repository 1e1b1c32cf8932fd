package org.oneedge.interworking.location;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the provider keeps of one network-based {@code <locationPolicy>} (TS-0004 7.4.11): where it is, whom to
 * locate ({@code lot}), where to write ({@code loi}), how often ({@code lou}) and, for {@code lit} 2, the geofence
 * whose events it writes instead of positions.
 *
 * @param path      address of the policy as discovery returned it
 * @param target    {@code lot}, the locationTargetID
 * @param container {@code loi}, the location container's resource id
 * @param period    update period: the first {@code lou}, or the configured default
 * @param geofence  {@code gta}/{@code gec} when {@code lit} is 2 (Geofence_event), null for position fixes
 */
record WatchedPolicy(String path, String target, String container, Duration period, Geofence geofence) {

    /** A position-fix policy. */
    WatchedPolicy(String path, String target, String container, Duration period) {
        this(path, target, container, period, null);
    }

    /** The network-based policy ({@code los} 1) in a retrieved representation, or empty for any other. */
    static Optional<WatchedPolicy> of(String path, JsonNode lcp, Duration defaultPeriod) {
        if (lcp.path("los").asInt() != 1 || lcp.path("lot").asText("").isBlank()
                || lcp.path("loi").asText("").isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new WatchedPolicy(path, lcp.get("lot").asText(), lcp.get("loi").asText(),
                firstPeriod(lcp.get("lou")).orElse(defaultPeriod), Geofence.of(lcp).orElse(null)));
    }

    /** The first entry of {@code lou}; none or zero means "on request" (TS-0001 10.2.9), for which we poll anyway. */
    private static Optional<Duration> firstPeriod(JsonNode lou) {
        if (lou == null || lou.isNull()) {
            return Optional.empty();
        }
        JsonNode first = lou.isArray() ? lou.path(0) : lou;
        try {
            Duration d = Duration.parse(first.asText(""));
            return d.isZero() || d.isNegative() ? Optional.empty() : Optional.of(d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
