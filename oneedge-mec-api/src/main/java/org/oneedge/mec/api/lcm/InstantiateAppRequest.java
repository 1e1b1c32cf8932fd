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

    /**
     * The request as MEC 010-2 writes it: each {@code hostId} given as a plain string (which OneEdge also reads)
     * becomes the object {@code {"id": ...}} the file defines, so that what is echoed (the op occurrence's
     * {@code operationParams}) conforms.
     */
    public InstantiateAppRequest inFileEncoding() {
        return new InstantiateAppRequest(virtualComputeDescriptor, osContainerDescriptor, virtualStorageDescriptor,
                selectedMECHostInfo.stream().map(MECHostInformation::inFileEncoding).toList(), locationConstraints,
                vimConnectionInfo, appTermCandsForCoord);
    }
}
