package org.oneedge.mec.api.appsupport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;

/** MEC 011 {@code AppTerminationNotificationSubscription}: an app asks to be told before it is terminated or stopped. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppTerminationNotificationSubscription(String subscriptionType, String callbackReference,
                                                     @JsonProperty("_links") Links links, String appInstanceId) {

    public static final String TYPE = "AppTerminationNotificationSubscription";

    /** {@code _links}: the subscription itself. */
    public record Links(LinkType self) {
    }

    public AppTerminationNotificationSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE + ", was " + subscriptionType);
        }
        if (callbackReference == null || callbackReference.isBlank()) {
            throw new IllegalArgumentException("callbackReference is required");
        }
        if (appInstanceId == null || appInstanceId.isBlank()) {
            throw new IllegalArgumentException("appInstanceId is required");
        }
    }

    public static AppTerminationNotificationSubscription of(String callbackReference, String appInstanceId) {
        return new AppTerminationNotificationSubscription(TYPE, callbackReference, null, appInstanceId);
    }
}
