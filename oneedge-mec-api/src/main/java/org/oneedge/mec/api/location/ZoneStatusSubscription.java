package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * Subscription to a zone's occupancy (MEC 013 6.3.7), body root {@code zoneStatusSubscription}: notified with
 * {@link ZoneStatusNotification} when the number of users in the zone or in one of its access points crosses a
 * threshold, or when an access point's operation status becomes one of {@code operationStatus}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ZoneStatusSubscription(@JsonProperty("_links") Links links, String callbackReference,
                                     String clientCorrelator, TimeStamp expiryDeadline,
                                     Integer lowerNumberOfUsersAPThreshold, Integer lowerNumberOfUsersZoneThreshold,
                                     List<OperationStatus> operationStatus, ReportingCtrl reportingCtrl,
                                     Boolean requestTestNotification, String subscriptionType,
                                     Integer upperNumberOfUsersAPThreshold, Integer upperNumberOfUsersZoneThreshold,
                                     WebsockNotifConfig websockNotifConfig, String zoneId)
        implements LocationSubscription {

    public static final String TYPE = "ZoneStatusSubscription";
    public static final String ROOT = "zoneStatusSubscription";

    public ZoneStatusSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (zoneId == null || zoneId.isBlank()) {
            throw new IllegalArgumentException("zoneId is required");
        }
        for (Integer t : new Integer[]{lowerNumberOfUsersAPThreshold, lowerNumberOfUsersZoneThreshold,
                upperNumberOfUsersAPThreshold, upperNumberOfUsersZoneThreshold}) {
            if (t != null && t < 0) {
                throw new IllegalArgumentException("user number thresholds must not be negative");
            }
        }
    }

    /** A subscription to the zone's user count crossing {@code upper} upward or {@code lower} downward. */
    public static ZoneStatusSubscription zoneThresholds(String zoneId, Integer upper, Integer lower,
                                                        String callbackReference) {
        return new ZoneStatusSubscription(null, callbackReference, null, null, null, lower, null, null, null, TYPE,
                null, upper, null, zoneId);
    }

    @Override
    public ZoneStatusSubscription withLinks(Links newLinks) {
        return new ZoneStatusSubscription(newLinks, callbackReference, clientCorrelator, expiryDeadline,
                lowerNumberOfUsersAPThreshold, lowerNumberOfUsersZoneThreshold, operationStatus, reportingCtrl,
                requestTestNotification, subscriptionType, upperNumberOfUsersAPThreshold,
                upperNumberOfUsersZoneThreshold, websockNotifConfig, zoneId);
    }

    @Override
    public ZoneStatusSubscription withDelivery(String callback, WebsockNotifConfig websock) {
        return new ZoneStatusSubscription(links, callback, clientCorrelator, expiryDeadline,
                lowerNumberOfUsersAPThreshold, lowerNumberOfUsersZoneThreshold, operationStatus, reportingCtrl,
                requestTestNotification, subscriptionType, upperNumberOfUsersAPThreshold,
                upperNumberOfUsersZoneThreshold, websock, zoneId);
    }

    @Override
    public String rootKey() {
        return ROOT;
    }
}
