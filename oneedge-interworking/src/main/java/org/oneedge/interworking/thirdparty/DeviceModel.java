package org.oneedge.interworking.thirdparty;

import java.util.List;
import java.util.Objects;

/**
 * How one interworked device appears in the CSE, below its own {@code <AE>}:
 *
 * <pre>
 *   &lt;CSEBase&gt;/&lt;aeNamePrefix&gt;&lt;deviceId&gt;     AE, AE-ID C&lt;aeNamePrefix&gt;&lt;deviceId&gt;
 *     &lt;telemetryContainer&gt;              container (mni = historySize); one contentInstance per reading (con = JSON)
 *     &lt;commandContainer&gt;                container; a contentInstance an application adds is sent to the device
 *     &lt;flexContainer name&gt; ...           one per {@link FlexMapping}, created with the first reading it maps
 * </pre>
 *
 * @param telemetryContainer {@code rn} of the readings container, e.g. {@code telemetry}
 * @param commandContainer   {@code rn} of the commands container, e.g. {@code cmd}; {@code null} = no commands
 * @param historySize        {@code mni} of the readings container (how many readings the CSE keeps)
 * @param flexContainers     the flexContainers of the device
 */
public record DeviceModel(String telemetryContainer, String commandContainer, int historySize,
                          List<FlexMapping> flexContainers) {

    public DeviceModel {
        Objects.requireNonNull(telemetryContainer, "telemetryContainer");
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be >= 1, was " + historySize);
        }
        flexContainers = List.copyOf(flexContainers);
    }

    /** {@code telemetry} (100 readings), {@code cmd}, and the TS-0023 temperature flexContainer. */
    public static DeviceModel standard() {
        return new DeviceModel("telemetry", "cmd", 100, List.of(FlexMapping.temperature()));
    }
}
