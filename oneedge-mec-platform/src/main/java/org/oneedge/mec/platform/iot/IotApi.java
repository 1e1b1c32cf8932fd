package org.oneedge.mec.platform.iot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.iot.DeviceInfo;
import org.oneedge.mec.api.iot.IotPlatformInfo;
import org.oneedge.mec.api.iot.MBTransportInfo;
import org.oneedge.mec.platform.MecApi;
import org.oneedge.mec.platform.MecPlatformContext;
import org.oneedge.mec.platform.MecServiceDescription;
import org.oneedge.mec.platform.http.MecExchange;
import org.oneedge.mec.platform.http.Routes;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * MEC 033 IoT API ({@code /iots/v1}, MEC033_IoT.yaml): registered IoT platforms and registered devices. A device is
 * {@code enabled} when it has a valid traffic rule association (MEC 033 clause 5.2, note 2/3): its own
 * {@code requestedMecTrafficRule}, or a registered {@code requestedIotPlatformId} with one user transport, or that
 * platform plus an existing {@code requestedUserTransportId}. The platform recomputes it; clients cannot set it.
 */
public final class IotApi implements MecApi {

    public static final String BASE_PATH = "/iots/v1";
    private static final Set<String> DEVICE_REQUIRED = Set.of("deviceId", "deviceAuthenticationInfo", "enabled");
    private static final Set<String> DEVICE_FIELDS = Set.of("deviceMetadata", "gpsi", "msisdn", "deviceId",
            "requestedMecTrafficRule", "requestedIotPlatformId", "requestedUserTransportId");
    private static final Set<String> PLATFORM_REQUIRED = Set.of("iotPlatformId", "userTransportInfo", "enabled");
    private static final Set<String> PLATFORM_FIELDS = Set.of("iotPlatformId", "enabled", "userTransportInfo",
            "customServicesTransportInfo", "customServiceTransportInfo");

    private record Stored<T>(T value, long order) {
    }

    private final MecPlatformContext ctx;
    private final Map<String, Stored<IotPlatformInfo>> platforms = new ConcurrentHashMap<>();
    private final Map<String, Stored<DeviceInfo>> devices = new ConcurrentHashMap<>();
    private final AtomicLong order = new AtomicLong();

    public IotApi(MecPlatformContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String basePath() {
        return BASE_PATH;
    }

    @Override
    public Optional<MecServiceDescription> service() {
        return Optional.of(new MecServiceDescription("iots", "IoT", "v1"));
    }

    @Override
    public void register(Routes routes) {
        routes.get("/registered_iot_platforms", ex -> {
            ex.allowOnlyQueryParams("fields");
            Set<String> fields = fields(ex, PLATFORM_FIELDS);
            ex.ok(platforms.values().stream().sorted(Comparator.comparingLong(Stored::order))
                    .map(s -> project(s.value(), PLATFORM_REQUIRED, fields)).toList());
        });
        routes.post("/registered_iot_platforms", ex -> {
            ex.allowOnlyQueryParams();
            IotPlatformInfo info = validated(ex.body(IotPlatformInfo.class));
            if (platforms.putIfAbsent(info.iotPlatformId(), new Stored<>(info, order.incrementAndGet())) != null) {
                throw MecProblemException.conflict("IoT platform '" + info.iotPlatformId()
                        + "' is already registered");
            }
            ex.created(ex.href("/registered_iot_platforms/" + info.iotPlatformId()), info);
        });
        routes.get("/registered_iot_platforms/{registeredIotPlatformId}", ex -> {
            ex.allowOnlyQueryParams("fields");
            Set<String> fields = fields(ex, PLATFORM_FIELDS);
            ex.ok(project(requirePlatform(ex).value(), PLATFORM_REQUIRED, fields));
        });
        routes.put("/registered_iot_platforms/{registeredIotPlatformId}", ex -> {
            Stored<IotPlatformInfo> old = requirePlatform(ex);
            IotPlatformInfo info = validated(ex.body(IotPlatformInfo.class));
            if (!info.iotPlatformId().equals(old.value().iotPlatformId())) {
                throw MecProblemException.preconditionFailed("iotPlatformId cannot change: addressed "
                        + old.value().iotPlatformId() + ", body has " + info.iotPlatformId());
            }
            platforms.put(info.iotPlatformId(), new Stored<>(info, old.order()));
            ex.ok(info);
        });
        routes.delete("/registered_iot_platforms/{registeredIotPlatformId}", ex -> {
            platforms.remove(requirePlatform(ex).value().iotPlatformId());
            ex.noContent();
        });

        routes.get("/registered_devices", ex -> {
            ex.allowOnlyQueryParams("filter", "fields");
            Boolean enabled = enabledFilter(ex.queryParam("filter"));
            Set<String> fields = fields(ex, DEVICE_FIELDS);
            ex.ok(devices.values().stream().sorted(Comparator.comparingLong(Stored::order))
                    .map(s -> present(s.value()))
                    .filter(d -> enabled == null || enabled.equals(d.enabled()))
                    .map(d -> project(d, DEVICE_REQUIRED, fields)).toList());
        });
        routes.post("/registered_devices", ex -> {
            ex.allowOnlyQueryParams();
            DeviceInfo device = validated(ex.body(DeviceInfo.class));
            if (devices.putIfAbsent(device.deviceId(), new Stored<>(device, order.incrementAndGet())) != null) {
                throw MecProblemException.conflict("device '" + device.deviceId() + "' is already registered");
            }
            ex.created(ex.href("/registered_devices/" + device.deviceId()), present(device));
        });
        routes.get("/registered_devices/{registeredDeviceId}", ex -> ex.ok(present(requireDevice(ex).value())));
        routes.put("/registered_devices/{registeredDeviceId}", ex -> {
            Stored<DeviceInfo> old = requireDevice(ex);
            DeviceInfo device = validated(ex.body(DeviceInfo.class));
            if (!device.deviceId().equals(old.value().deviceId())) {
                throw MecProblemException.preconditionFailed("deviceId cannot change: addressed "
                        + old.value().deviceId() + ", body has " + device.deviceId());
            }
            devices.put(device.deviceId(), new Stored<>(device, old.order()));
            ex.ok(present(device));
        });
        routes.delete("/registered_devices/{registeredDeviceId}", ex -> {
            devices.remove(requireDevice(ex).value().deviceId());
            ex.noContent();
        });
    }

    private static IotPlatformInfo validated(IotPlatformInfo info) {
        Set<String> ids = new TreeSet<>();
        for (MBTransportInfo t : info.userTransportInfo()) {
            if (!ids.add(t.id())) {
                throw MecProblemException.badRequest("userTransportInfo ids must be unique; '" + t.id()
                        + "' appears twice");
            }
        }
        return info;
    }

    private DeviceInfo validated(DeviceInfo device) {
        if (device.requestedUserTransportId() != null && device.requestedIotPlatformId() == null) {
            throw MecProblemException.badRequest("requestedUserTransportId needs requestedIotPlatformId");
        }
        return device.withEnabled(false);
    }

    /** The device with {@code enabled} recomputed from the current platforms. */
    private DeviceInfo present(DeviceInfo d) {
        return d.withEnabled(hasValidTrafficRule(d));
    }

    private boolean hasValidTrafficRule(DeviceInfo d) {
        if (d.requestedMecTrafficRule() != null && !d.requestedMecTrafficRule().isEmpty()) {
            return true;
        }
        if (d.requestedIotPlatformId() == null) {
            return false;
        }
        Stored<IotPlatformInfo> p = platforms.get(d.requestedIotPlatformId());
        if (p == null || !Boolean.TRUE.equals(p.value().enabled())) {
            return false;
        }
        List<MBTransportInfo> transports = p.value().userTransportInfo();
        if (d.requestedUserTransportId() == null) {
            return transports.size() == 1;
        }
        return transports.stream().anyMatch(t -> t.id().equals(d.requestedUserTransportId()));
    }

    /** MEC 009 attribute filter; only {@code (eq,enabled,TRUE|FALSE)} is supported (MEC 033 7.3.3). */
    private static Boolean enabledFilter(String filter) {
        if (filter == null) {
            return null;
        }
        String f = filter.replace(" ", "");
        if (f.equalsIgnoreCase("(eq,enabled,TRUE)")) {
            return true;
        }
        if (f.equalsIgnoreCase("(eq,enabled,FALSE)")) {
            return false;
        }
        throw MecProblemException.badRequest("unsupported filter '" + filter
                + "'; supported: (eq,enabled,TRUE) and (eq,enabled,FALSE)");
    }

    private static Set<String> fields(MecExchange ex, Set<String> allowed) {
        List<String> requested = ex.queryParams("fields");
        if (requested.isEmpty()) {
            return null;
        }
        for (String f : requested) {
            if (!allowed.contains(f)) {
                throw MecProblemException.badRequest("unsupported fields entry '" + f + "'; supported: "
                        + new TreeSet<>(allowed));
            }
        }
        return Set.copyOf(requested);
    }

    /** Keeps the required attributes and the requested ones (all if {@code fields} is null). */
    private Object project(Object value, Set<String> required, Set<String> fields) {
        if (fields == null) {
            return value;
        }
        ObjectNode node = ctx.mapper().valueToTree(value);
        node.retain(node.properties().stream().map(Map.Entry::getKey)
                .filter(k -> required.contains(k) || fields.contains(k)
                        || (k.equals("customServicesTransportInfo") && fields.contains("customServiceTransportInfo")))
                .toList());
        return node;
    }

    private Stored<IotPlatformInfo> requirePlatform(MecExchange ex) {
        String id = ex.pathParam("registeredIotPlatformId");
        return Optional.ofNullable(platforms.get(id))
                .orElseThrow(() -> MecProblemException.notFound("no registered IoT platform '" + id + "'"));
    }

    private Stored<DeviceInfo> requireDevice(MecExchange ex) {
        String id = ex.pathParam("registeredDeviceId");
        return Optional.ofNullable(devices.get(id))
                .orElseThrow(() -> MecProblemException.notFound("no registered device '" + id + "'"));
    }
}
