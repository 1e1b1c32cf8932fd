package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** MEC 010-2 {@code AppPkgSubscription}: subscribe to package onboarding, change or deletion. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppPkgSubscription(String callbackUri, AppPkgSubscriptionType subscriptionType,
                                 List<AppPkgFilter> appPkgFilter) {

    public AppPkgSubscription {
        if (callbackUri == null || callbackUri.isBlank()) {
            throw new IllegalArgumentException("callbackUri is required");
        }
        if (subscriptionType == null) {
            throw new IllegalArgumentException("subscriptionType is required");
        }
    }
}
