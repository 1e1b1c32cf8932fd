package org.oneedge.interworking.thirdparty;

import java.util.Map;
import java.util.Objects;

/**
 * One {@code <flexContainer>} of an interworked device (TS-0001 9.6.35, TS-0023 module classes): which reading
 * fields update which custom attributes, and which custom attributes, when an application updates them, become
 * which command field sent to the device (retargeting, TS-0001 Annex F). The specialization must be known to the
 * CSE.
 *
 * @param name     {@code rn} of the flexContainer under the device's AE, e.g. {@code temperature}
 * @param rootKey  the specialization's JSON root key, e.g. {@code cod:tempe}
 * @param cnd      its {@code containerDefinition}, e.g. {@code org.onem2m.common.moduleclass.temperature}
 * @param readings reading field → custom attribute short name, e.g. {@code temperature → curT0}
 * @param commands custom attribute short name → command field, e.g. {@code tarTe → targetTemperature}
 */
public record FlexMapping(String name, String rootKey, String cnd, Map<String, String> readings,
                          Map<String, String> commands) {

    public FlexMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rootKey, "rootKey");
        Objects.requireNonNull(cnd, "cnd");
        readings = Map.copyOf(readings);
        commands = Map.copyOf(commands);
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("flexContainer " + name + " maps no reading field");
        }
    }

    /**
     * The TS-0023 temperature module class ({@code cod:tempe}): reading {@code temperature} is {@code curT0}
     * (currentTemperature); an update of {@code tarTe} (targetTemperature) is sent as {@code targetTemperature}.
     */
    public static FlexMapping temperature() {
        return new FlexMapping("temperature", "cod:tempe", "org.onem2m.common.moduleclass.temperature",
                Map.of("temperature", "curT0"), Map.of("tarTe", "targetTemperature"));
    }
}
