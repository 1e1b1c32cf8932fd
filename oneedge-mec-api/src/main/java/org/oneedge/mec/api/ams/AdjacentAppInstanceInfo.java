package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An instance of an application known to AMS (MEC 021 7.2.3), answer of {@code /queries/adjacent_app_instances}.
 * {@code mecHostInformation.hostId} is an object in the file; OneEdge sends {@code {"id": hostName}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdjacentAppInstanceInfo(String appDId, String appInstanceId,
                                      List<CommunicationInterface> appInstanceCommLink,
                                      MecHostInformation mecHostInformation, String registeredInstanceId) {

    /** The MEC host an instance runs on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MecHostInformation(String hostName, Map<String, String> hostId) {
    }
}
