package org.oneedge.mec.api.servicemgmt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** MEC 011 {@code EndPointInfo}: where a transport is reached (URIs, FQDNs, host/port pairs or an alternative). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndPointInfo(List<String> uris, List<String> fqdn, List<Address> addresses, JsonNode alternative) {

    /** One {@code {host, port}} entry of {@code addresses}. */
    public record Address(String host, int port) {
    }

    public static EndPointInfo ofUris(String... uris) {
        return new EndPointInfo(List.of(uris), null, null, null);
    }
}
