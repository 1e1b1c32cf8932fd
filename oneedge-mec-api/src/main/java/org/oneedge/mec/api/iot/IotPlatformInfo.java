package org.oneedge.mec.api.iot;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.oneedge.mec.api.servicemgmt.TransportInfo;

import java.util.List;

/**
 * MEC 033 {@code IotPlatformInfo}: an IoT platform (e.g. a oneM2M CSE) registered with the IoT service, with its
 * user transports (at least one) and custom service transports (e.g. the CSE's HTTP endpoint).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IotPlatformInfo(String iotPlatformId, List<MBTransportInfo> userTransportInfo,
                              List<TransportInfo> customServicesTransportInfo, Boolean enabled) {

    public IotPlatformInfo {
        if (iotPlatformId == null || iotPlatformId.isBlank()) {
            throw new IllegalArgumentException("iotPlatformId is required");
        }
        if (userTransportInfo == null || userTransportInfo.isEmpty()) {
            throw new IllegalArgumentException("userTransportInfo needs at least one MBTransportInfo");
        }
        if (enabled == null) {
            throw new IllegalArgumentException("enabled is required");
        }
    }
}
