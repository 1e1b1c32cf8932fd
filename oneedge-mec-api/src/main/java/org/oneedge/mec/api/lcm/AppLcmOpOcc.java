package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

/** MEC 010-2 {@code AppLcmOpOcc}: one run of instantiate, operate or terminate and how far it got. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppLcmOpOcc(String id, OperationState operationState, TimeStamp stateEnteredTime, TimeStamp startTime,
                          LcmOperation lcmOperation, JsonNode operationParams, Boolean isCancelPending,
                          JsonNode cancelMode, @JsonProperty("_links") Links links) {

    /** {@code _links}: self and the app instance. */
    public record Links(LinkType self, LinkType appInstance) {
    }
}
