package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.oneedge.mec.api.common.LinkType;

/** MEC 010-2 {@code AppInstanceInfo}: an application instance and its lifecycle state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppInstanceInfo(String id, String appInstanceName, String appInstanceDescription, String appDId,
                              String appProvider, String appName, String appSoftVersion, String appDVersion,
                              String appPkgId, InstantiationState instantiationState,
                              InstantiatedAppState instantiatedAppState, JsonNode communicationInterface,
                              @JsonProperty("_links") Links links) {

    /** MEC 010-2 {@code InstantiatedAppState}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InstantiatedAppState(AppOperationalState operationalState, JsonNode appInstLocation) {
    }

    /** {@code _links}: self and the task resources possible in the current state. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(LinkType self, LinkType instantiate, LinkType terminate, LinkType operate,
                        @JsonProperty("configure_platform_for_app") LinkType configurePlatformForApp) {
    }
}
