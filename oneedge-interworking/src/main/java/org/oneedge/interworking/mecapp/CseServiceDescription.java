package org.oneedge.interworking.mecapp;

import org.oneedge.mec.api.iot.ImplSpecificInfo;
import org.oneedge.mec.api.iot.IotPlatformInfo;
import org.oneedge.mec.api.iot.MBTransportInfo;
import org.oneedge.mec.api.servicemgmt.CategoryRef;
import org.oneedge.mec.api.servicemgmt.EndPointInfo;
import org.oneedge.mec.api.servicemgmt.LocalityType;
import org.oneedge.mec.api.servicemgmt.SecurityInfo;
import org.oneedge.mec.api.servicemgmt.SerializerType;
import org.oneedge.mec.api.servicemgmt.ServiceInfo;
import org.oneedge.mec.api.servicemgmt.ServiceState;
import org.oneedge.mec.api.servicemgmt.TransportInfo;
import org.oneedge.mec.api.servicemgmt.TransportType;

import java.util.ArrayList;
import java.util.List;

/**
 * How a oneM2M CSE describes itself to MEC: as a MEC 011 {@link ServiceInfo} (category {@code oneM2M}, REST/HTTP
 * transport at its TS-0009 point of access, else its MQTT broker) and as a MEC 033 {@link IotPlatformInfo} whose user
 * transports are its TS-0010 MQTT broker with the oneM2M request/response topics and its HTTP endpoint
 * (MEC-DIGEST 7, "oneM2M interworking pattern").
 */
public final class CseServiceDescription {

    /** The category every oneM2M CSE is published under; discover with {@code ser_category_id=oneM2M}. */
    public static CategoryRef category(MecAppRegistrationConfig config) {
        return new CategoryRef("https://www.onem2m.org/technical/published-specifications",
                MecAppRegistrationConfig.SERVICE_CATEGORY, MecAppRegistrationConfig.SERVICE_CATEGORY,
                config.releaseVersion());
    }

    /** The MEC 011 service registration of the CSE (state ACTIVE, scope MEC host, JSON). */
    public static ServiceInfo serviceInfo(MecAppRegistrationConfig config) {
        TransportInfo transport = config.httpPointOfAccess() != null ? http(config) : mqtt(config);
        return new ServiceInfo(null, config.serviceName(), category(config), config.releaseVersion(),
                ServiceState.ACTIVE, null, transport, SerializerType.JSON, LocalityType.MEC_HOST, false, null, null,
                null);
    }

    /** The MEC 033 registration of the CSE as IoT platform; {@code iotPlatformId} is the CSE-ID's {@code csi}. */
    public static IotPlatformInfo iotPlatformInfo(MecAppRegistrationConfig config) {
        List<MBTransportInfo> user = new ArrayList<>();
        List<TransportInfo> custom = new ArrayList<>();
        if (config.mqttPointOfAccess() != null) {
            String csi = config.csi();
            user.add(new MBTransportInfo("oneM2M-mqtt-" + csi, "oneM2M MQTT binding (TS-0010)", null,
                    TransportType.MB_TOPIC_BASED, "MQTT", "3.1.1", EndPointInfo.ofUris(config.mqttPointOfAccess()),
                    SecurityInfo.none(), new ImplSpecificInfo(List.of("/oneM2M/req/" + csi + "/+/+"),
                    List.of("/oneM2M/req/+/" + csi + "/+"), List.of("/oneM2M/resp/+/" + csi + "/+"))));
        }
        if (config.httpPointOfAccess() != null) {
            TransportInfo http = http(config);
            user.add(new MBTransportInfo(http.id(), http.name(), http.description(), http.type(), http.protocol(),
                    http.version(), http.endpoint(), http.security(), null));
            custom.add(http);
        }
        return new IotPlatformInfo(config.csi(), user, custom.isEmpty() ? null : custom, true);
    }

    private static TransportInfo http(MecAppRegistrationConfig config) {
        return new TransportInfo("oneM2M-http-" + config.csi(), "oneM2M HTTP binding (TS-0009)",
                "CSE " + config.cseId() + ", CSEBase " + config.cseBaseName(), TransportType.REST_HTTP, "HTTP",
                "1.1", EndPointInfo.ofUris(config.httpPointOfAccess()), SecurityInfo.none(), null);
    }

    private static TransportInfo mqtt(MecAppRegistrationConfig config) {
        return new TransportInfo("oneM2M-mqtt-" + config.csi(), "oneM2M MQTT binding (TS-0010)",
                "CSE " + config.cseId() + ", CSEBase " + config.cseBaseName(), TransportType.MB_TOPIC_BASED, "MQTT",
                "3.1.1", EndPointInfo.ofUris(config.mqttPointOfAccess()), SecurityInfo.none(), null);
    }

    private CseServiceDescription() {
    }
}
