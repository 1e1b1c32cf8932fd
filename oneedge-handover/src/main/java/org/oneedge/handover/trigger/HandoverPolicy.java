package org.oneedge.handover.trigger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One CMDH-style handover policy (HANDOVER.md trigger 5, after TS-0001 D.12 CMDH policies: rules that apply under
 * conditions of time, network and device state, each with an action). The policy applies when every condition it
 * sets holds; unset conditions (null, empty) always hold.
 *
 * @param name           unique name, used in reports
 * @param action         what it says while it applies
 * @param aeIds          the AEs it is about; empty for all
 * @param window         when it applies; null for always
 * @param allowedTargets the targets a MOVE or ALLOW permits; empty for any
 * @param networks       access networks it applies on (QoS class of the link), e.g. {@code 4G}; empty for any
 * @param rsrpBelowDbm   network rule: applies when the radio quality is below this
 * @param latencyAboveMs QoS rule: applies when the latency is above this
 * @param batteryBelowPercent power rule: applies when the battery is below this
 */
public record HandoverPolicy(String name, PolicyAction action, Set<String> aeIds, TimeWindow window,
                             Set<String> allowedTargets, Set<String> networks, Double rsrpBelowDbm,
                             Double latencyAboveMs, Double batteryBelowPercent) {

    public HandoverPolicy {
        if (name == null || name.isBlank() || action == null) {
            throw new IllegalArgumentException("a policy needs a name and an action");
        }
        aeIds = aeIds == null ? Set.of() : Set.copyOf(aeIds);
        allowedTargets = allowedTargets == null ? Set.of() : Set.copyOf(allowedTargets);
        networks = networks == null ? Set.of() : Set.copyOf(networks);
    }

    /** A policy with no conditions yet. */
    public static HandoverPolicy of(String name, PolicyAction action) {
        return new HandoverPolicy(name, action, Set.of(), null, Set.of(), Set.of(), null, null, null);
    }

    public HandoverPolicy forAes(String... ids) {
        return new HandoverPolicy(name, action, Set.of(ids), window, allowedTargets, networks, rsrpBelowDbm,
                latencyAboveMs, batteryBelowPercent);
    }

    public HandoverPolicy during(TimeWindow w) {
        return new HandoverPolicy(name, action, aeIds, w, allowedTargets, networks, rsrpBelowDbm, latencyAboveMs,
                batteryBelowPercent);
    }

    public HandoverPolicy toTargets(String... targets) {
        return new HandoverPolicy(name, action, aeIds, window, Set.of(targets), networks, rsrpBelowDbm,
                latencyAboveMs, batteryBelowPercent);
    }

    public HandoverPolicy onNetworks(String... n) {
        return new HandoverPolicy(name, action, aeIds, window, allowedTargets, Set.of(n), rsrpBelowDbm,
                latencyAboveMs, batteryBelowPercent);
    }

    public HandoverPolicy whenRsrpBelow(double dbm) {
        return new HandoverPolicy(name, action, aeIds, window, allowedTargets, networks, dbm, latencyAboveMs,
                batteryBelowPercent);
    }

    public HandoverPolicy whenLatencyAbove(double ms) {
        return new HandoverPolicy(name, action, aeIds, window, allowedTargets, networks, rsrpBelowDbm, ms,
                batteryBelowPercent);
    }

    public HandoverPolicy whenBatteryBelow(double percent) {
        return new HandoverPolicy(name, action, aeIds, window, allowedTargets, networks, rsrpBelowDbm,
                latencyAboveMs, percent);
    }

    /** Empty when the policy does not apply; otherwise why it does, e.g. "latency 120 ms > 100 ms, 08:00-18:00". */
    public java.util.Optional<String> appliesTo(PolicyContext c, Instant now) {
        List<String> why = new ArrayList<>();
        if (!aeIds.isEmpty() && !aeIds.contains(c.aeId())) {
            return java.util.Optional.empty();
        }
        if (window != null) {
            if (!window.contains(now)) {
                return java.util.Optional.empty();
            }
            why.add("within " + window);
        }
        if (!networks.isEmpty()) {
            if (c.network() == null || !networks.contains(c.network())) {
                return java.util.Optional.empty();
            }
            why.add("on " + c.network());
        }
        if (rsrpBelowDbm != null) {
            if (c.rsrpDbm() == null || !(c.rsrpDbm() < rsrpBelowDbm)) {
                return java.util.Optional.empty();
            }
            why.add(String.format(Locale.ROOT, "RSRP %.0f dBm < %.0f dBm", c.rsrpDbm(), rsrpBelowDbm));
        }
        if (latencyAboveMs != null) {
            if (c.latencyMs() == null || !(c.latencyMs() > latencyAboveMs)) {
                return java.util.Optional.empty();
            }
            why.add(String.format(Locale.ROOT, "latency %.0f ms > %.0f ms", c.latencyMs(), latencyAboveMs));
        }
        if (batteryBelowPercent != null) {
            if (c.batteryPercent() == null || !(c.batteryPercent() < batteryBelowPercent)) {
                return java.util.Optional.empty();
            }
            why.add(String.format(Locale.ROOT, "battery %.0f %% < %.0f %%", c.batteryPercent(),
                    batteryBelowPercent));
        }
        return java.util.Optional.of(why.isEmpty() ? "always" : String.join(", ", why));
    }
}
