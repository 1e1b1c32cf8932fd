package org.oneedge.mec.api.servicemgmt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;

/** MEC 011 {@code SerAvailabilityNotificationSubscription}: subscribe to services appearing, changing, going away. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SerAvailabilityNotificationSubscription(String subscriptionType, String callbackReference,
                                                      @JsonProperty("_links") Links links,
                                                      FilteringCriteria filteringCriteria) {

    public static final String TYPE = "SerAvailabilityNotificationSubscription";

    /** {@code _links} of the subscription. */
    public record Links(LinkType self) {
    }

    public SerAvailabilityNotificationSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE + ", was " + subscriptionType);
        }
        if (callbackReference == null || callbackReference.isBlank()) {
            throw new IllegalArgumentException("callbackReference is required");
        }
    }

    public static SerAvailabilityNotificationSubscription of(String callbackReference, FilteringCriteria filter) {
        return new SerAvailabilityNotificationSubscription(TYPE, callbackReference, null, filter);
    }
}
