package org.oneedge.interworking.thirdparty;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a {@link DeviceProtocol} reports to the {@link ThirdPartyIpe}; calls return at once (work is queued). */
public interface DeviceListener {

    /** A device became known (announced itself or was discovered); its resources are created if missing. */
    void deviceAppeared(String deviceId);

    /**
     * A device reported a reading: a JSON object of named values, e.g. {@code {"temperature":21.5}}. Implies
     * {@link #deviceAppeared}.
     */
    void telemetry(String deviceId, ObjectNode reading);
}
