package org.oneedge.mec.api.iot;

import com.fasterxml.jackson.core.type.TypeReference;
import org.oneedge.mec.api.common.MecRestClient;

import java.util.List;

/**
 * Blocking client of the MEC 033 IoT API ({@code /iots/v1}): register IoT platforms (a oneM2M CSE fits here) and
 * devices, query and update them.
 */
public final class MecIotClient {

    public static final String BASE_PATH = "/iots/v1";

    private final MecRestClient rest;

    /** @param platformUrl the MEC platform (or host view) URL */
    public MecIotClient(String platformUrl) {
        this(MecRestClient.of((platformUrl.endsWith("/") ? platformUrl.substring(0, platformUrl.length() - 1)
                : platformUrl) + BASE_PATH));
    }

    public MecIotClient(MecRestClient rest) {
        this.rest = rest;
    }

    public IotPlatformInfo registerPlatform(IotPlatformInfo info) {
        return rest.post("/registered_iot_platforms", info, IotPlatformInfo.class).body();
    }

    public List<IotPlatformInfo> platforms() {
        return rest.get("/registered_iot_platforms", new TypeReference<List<IotPlatformInfo>>() { }).body();
    }

    public IotPlatformInfo platform(String iotPlatformId) {
        return rest.get("/registered_iot_platforms/" + iotPlatformId, IotPlatformInfo.class).body();
    }

    public IotPlatformInfo updatePlatform(IotPlatformInfo info) {
        return rest.put("/registered_iot_platforms/" + info.iotPlatformId(), info, IotPlatformInfo.class).body();
    }

    public void deregisterPlatform(String iotPlatformId) {
        rest.delete("/registered_iot_platforms/" + iotPlatformId);
    }

    public DeviceInfo registerDevice(DeviceInfo device) {
        return rest.post("/registered_devices", device, DeviceInfo.class).body();
    }

    /** All registered devices, or only those with a valid traffic rule ({@code filter=(eq,enabled,TRUE)}). */
    public List<DeviceInfo> devices(boolean enabledOnly) {
        return rest.get("/registered_devices" + (enabledOnly ? "?filter=(eq,enabled,TRUE)" : ""),
                new TypeReference<List<DeviceInfo>>() { }).body();
    }

    public DeviceInfo device(String deviceId) {
        return rest.get("/registered_devices/" + deviceId, DeviceInfo.class).body();
    }

    public DeviceInfo updateDevice(DeviceInfo device) {
        return rest.put("/registered_devices/" + device.deviceId(), device, DeviceInfo.class).body();
    }

    public void deregisterDevice(String deviceId) {
        rest.delete("/registered_devices/" + deviceId);
    }
}
