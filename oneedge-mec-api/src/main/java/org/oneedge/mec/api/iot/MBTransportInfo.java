package org.oneedge.mec.api.iot;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.oneedge.mec.api.servicemgmt.EndPointInfo;
import org.oneedge.mec.api.servicemgmt.SecurityInfo;
import org.oneedge.mec.api.servicemgmt.TransportType;

/**
 * MEC 033 {@code MBTransportInfo}: a message-bus user transport of an IoT platform (e.g. its MQTT broker with the
 * oneM2M {@code /oneM2M/req/...} topics in {@code implSpecificInfo}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MBTransportInfo(String id, String name, String description, TransportType type, String protocol,
                              String version, EndPointInfo endpoint, SecurityInfo security,
                              ImplSpecificInfo implSpecificInfo) {

    public MBTransportInfo {
        if (id == null || name == null || type == null || protocol == null || version == null || endpoint == null) {
            throw new IllegalArgumentException("MBTransportInfo needs id, name, type, protocol, version and endpoint");
        }
        if (security == null) {
            security = SecurityInfo.none();
        }
        if (implSpecificInfo == null) {
            implSpecificInfo = new ImplSpecificInfo(null, null, null);
        }
    }
}
