package org.oneedge.handover.trigger;

import java.util.List;

/**
 * What a policy evaluation sees about one AE: where it is served, how its link and its device are doing, and which
 * targets are candidates. Unknown figures are null and make rules on them not apply.
 *
 * @param aeId           the AE
 * @param servingCseId   the CSE serving it
 * @param rsrpDbm        radio quality its device reports (MEC 012), dBm
 * @param latencyMs      latency to its serving CSE, ms
 * @param batteryPercent the device's battery, 0..100
 * @param network        the access network it uses, e.g. {@code 4G}, {@code 5G}, {@code wifi}
 * @param candidates     candidate targets, best first
 */
public record PolicyContext(String aeId, String servingCseId, Double rsrpDbm, Double latencyMs,
                            Double batteryPercent, String network, List<String> candidates) {

    public PolicyContext {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
