package org.oneedge.mec.api.servicemgmt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** MEC 011 {@code TransportInfo}: how a MEC service is reached (required: id, name, type, protocol, version, endpoint, security). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransportInfo(String id, String name, String description, TransportType type, String protocol,
                            String version, EndPointInfo endpoint, SecurityInfo security, JsonNode implSpecificInfo) {

    public TransportInfo {
        if (id == null || name == null || type == null || protocol == null || version == null || endpoint == null) {
            throw new IllegalArgumentException("TransportInfo needs id, name, type, protocol, version and endpoint");
        }
        if (security == null) {
            security = SecurityInfo.none();
        }
    }

    /** A plain REST/HTTP transport at {@code uri}. */
    public static TransportInfo restHttp(String id, String uri) {
        return new TransportInfo(id, "REST", null, TransportType.REST_HTTP, "HTTP", "1.1", EndPointInfo.ofUris(uri),
                SecurityInfo.none(), null);
    }
}
