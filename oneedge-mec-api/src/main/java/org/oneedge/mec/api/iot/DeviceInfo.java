package org.oneedge.mec.api.iot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * MEC 033 {@code DeviceInfo}: a device registered with the IoT service. {@code enabled} is maintained by the
 * platform (true when the device has a valid traffic rule association, MEC 033 note 3); traffic rules and message
 * formats are kept as JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceInfo(String deviceAuthenticationInfo, List<KeyValuePair> deviceMetadata, String gpsi, String pei,
                         String supi, String msisdn, String imei, String imsi, String iccid, String deviceId,
                         List<JsonNode> requestedMecTrafficRule, String requestedIotPlatformId,
                         String requestedUserTransportId, JsonNode deviceSpecificMessageFormats,
                         DownlinkInfo downlinkInfo, String clientCertificate, Boolean enabled) {

    /** MEC 033 {@code DownlinkInfo}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DownlinkInfo(String downlinkTopic, Integer devicePort) {
    }

    public DeviceInfo {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId is required");
        }
        if (deviceAuthenticationInfo == null) {
            throw new IllegalArgumentException("deviceAuthenticationInfo is required");
        }
    }

    /** A device bound to an IoT platform (and optionally one of its user transports). */
    public static DeviceInfo onPlatform(String deviceId, String auth, String iotPlatformId, String userTransportId) {
        return new DeviceInfo(auth, null, null, null, null, null, null, null, null, deviceId, null, iotPlatformId,
                userTransportId, null, null, null, false);
    }

    public DeviceInfo withEnabled(boolean value) {
        return new DeviceInfo(deviceAuthenticationInfo, deviceMetadata, gpsi, pei, supi, msisdn, imei, imsi, iccid,
                deviceId, requestedMecTrafficRule, requestedIotPlatformId, requestedUserTransportId,
                deviceSpecificMessageFormats, downlinkInfo, clientCertificate, value);
    }
}
