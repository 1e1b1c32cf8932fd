package org.oneedge.mec.api.servicemgmt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;

/**
 * MEC 011 {@code ServiceInfo}: a MEC service as registered in the service registry and returned by discovery. On
 * registration the client leaves {@code serInstanceId} and {@code _links} out; the platform assigns them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceInfo(String serInstanceId, String serName, CategoryRef serCategory, String version,
                          ServiceState state, String transportId, TransportInfo transportInfo,
                          SerializerType serializer, LocalityType scopeOfLocality, Boolean consumedLocalOnly,
                          @JsonProperty("isLocal") Boolean isLocal, Integer livenessInterval,
                          @JsonProperty("_links") Links links) {

    /** {@code _links} of a ServiceInfo: {@code self} and, with heartbeats, {@code liveness}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(LinkType self, LinkType liveness) {
    }

    public ServiceInfo {
        if (serName == null || serName.isBlank()) {
            throw new IllegalArgumentException("serName is required");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version is required");
        }
        if (state == null) {
            throw new IllegalArgumentException("state is required (ACTIVE, INACTIVE or SUSPENDED)");
        }
        if (serializer == null) {
            throw new IllegalArgumentException("serializer is required (JSON, XML or PROTOBUF3)");
        }
    }

    /** A registration request for a REST service at {@code uri}. */
    public static ServiceInfo restService(String serName, CategoryRef category, String version, String uri) {
        return new ServiceInfo(null, serName, category, version, ServiceState.ACTIVE, null,
                TransportInfo.restHttp("rest-" + serName, uri), SerializerType.JSON, LocalityType.MEC_HOST, false,
                null, null, null);
    }

    public ServiceInfo withState(ServiceState newState) {
        return new ServiceInfo(serInstanceId, serName, serCategory, version, newState, transportId, transportInfo,
                serializer, scopeOfLocality, consumedLocalOnly, isLocal, livenessInterval, links);
    }

    /** The URI of the service's first REST endpoint, if it has one. */
    public java.util.Optional<String> endpointUri() {
        if (transportInfo == null || transportInfo.endpoint() == null || transportInfo.endpoint().uris() == null
                || transportInfo.endpoint().uris().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(transportInfo.endpoint().uris().getFirst());
    }
}
