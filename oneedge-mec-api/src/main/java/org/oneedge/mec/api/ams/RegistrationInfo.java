package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An application mobility service registration (MEC 021 7.2.2): the app instance, the devices it serves and an
 * optional expiry in seconds (0 = never).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationInfo(String appMobilityServiceId, ServiceConsumerId serviceConsumerId,
                               List<DeviceInformation> deviceInformation, Long expiryTime) {

    public RegistrationInfo {
        if (serviceConsumerId == null) {
            throw new IllegalArgumentException("serviceConsumerId is required");
        }
        deviceInformation = deviceInformation == null ? null : List.copyOf(deviceInformation);
        if (expiryTime != null && expiryTime < 0) {
            throw new IllegalArgumentException("expiryTime must be >= 0");
        }
    }

    /** A registration of {@code appInstanceId} serving {@code devices}. */
    public static RegistrationInfo of(String appInstanceId, List<DeviceInformation> devices) {
        return new RegistrationInfo(null, ServiceConsumerId.app(appInstanceId), devices, null);
    }

    public RegistrationInfo withId(String id) {
        return new RegistrationInfo(id, serviceConsumerId, deviceInformation, expiryTime);
    }

    public RegistrationInfo withDevices(List<DeviceInformation> devices) {
        return new RegistrationInfo(appMobilityServiceId, serviceConsumerId, devices, expiryTime);
    }
}
