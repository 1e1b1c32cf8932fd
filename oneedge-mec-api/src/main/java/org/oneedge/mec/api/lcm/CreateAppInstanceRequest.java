package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** MEC 010-2 {@code CreateAppInstanceRequest}: create an app instance identifier for an onboarded AppD. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateAppInstanceRequest(String appDId, String appInstanceName, String appInstanceDescription,
                                       JsonNode appPlacementInfo) {

    public CreateAppInstanceRequest {
        if (appDId == null || appDId.isBlank()) {
            throw new IllegalArgumentException("appDId is required");
        }
    }

    public static CreateAppInstanceRequest of(String appDId, String name) {
        return new CreateAppInstanceRequest(appDId, name, null, null);
    }
}
