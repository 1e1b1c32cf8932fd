package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** MEC 010-2 {@code AppInstanceSubscriptionFilter}: which app instances a subscription is about. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppInstanceSubscriptionFilter(AppInstSelectorType appInstSelectorType, List<String> appInstances,
                                            JsonNode appsFromProviders) {

    public AppInstanceSubscriptionFilter {
        if (appInstSelectorType == null) {
            throw new IllegalArgumentException("appInstSelectorType is required");
        }
    }
}
