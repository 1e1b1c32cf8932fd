package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** MEC 010-2 {@code InstantiateAppRequest}: instantiate on the selected MEC host (descriptors kept as JSON). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstantiateAppRequest(JsonNode virtualComputeDescriptor, List<JsonNode> osContainerDescriptor,
                                    List<JsonNode> virtualStorageDescriptor,
                                    List<MECHostInformation> selectedMECHostInfo, JsonNode locationConstraints,
                                    List<JsonNode> vimConnectionInfo, JsonNode appTermCandsForCoord) {

    public InstantiateAppRequest {
        if (selectedMECHostInfo == null || selectedMECHostInfo.isEmpty()) {
            throw new IllegalArgumentException("selectedMECHostInfo needs at least one MEC host");
        }
    }

    public static InstantiateAppRequest onHost(String hostName) {
        return new InstantiateAppRequest(null, null, null, List.of(MECHostInformation.named(hostName)), null, null,
                null);
    }
}
