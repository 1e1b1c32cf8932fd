package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * MEC 010-2 {@code MECHostInformation}: the MEC host to instantiate on. {@code hostId} is an object in the file;
 * OneEdge writes {@code {"id": hostName}} and also reads a plain string.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MECHostInformation(String hostName, JsonNode hostId) {

    public static MECHostInformation named(String hostName) {
        return new MECHostInformation(hostName, JsonNodeFactory.instance.objectNode().put("id", hostName));
    }

    /** This host with a string {@code hostId} written as the object {@code {"id": ...}} of the file. */
    public MECHostInformation inFileEncoding() {
        return hostId != null && hostId.isTextual()
                ? new MECHostInformation(hostName, JsonNodeFactory.instance.objectNode().put("id", hostId.asText()))
                : this;
    }

    /** The host name given, from {@code hostName}, a string {@code hostId} or {@code hostId.id}. */
    public String effectiveHostName() {
        if (hostName != null) {
            return hostName;
        }
        if (hostId == null) {
            return null;
        }
        return hostId.isTextual() ? hostId.asText() : hostId.path("id").asText(null);
    }
}
