package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * Subscription to the distance between users (MEC 013 6.3.9), body root {@code userDistanceSubscription}: between each
 * monitored user and each reference user, or between each pair of monitored users when there are no reference users;
 * notified with {@link UserDistanceNotification} when {@code criteria} becomes true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserDistanceSubscription(@JsonProperty("_links") Links links, String callbackReference,
                                       Boolean checkImmediate, String clientCorrelator, DistanceCriteria criteria,
                                       Double distance, TimeStamp expiryDeadline, List<String> monitoredAddress,
                                       List<String> referenceAddress, ReportingCtrl reportingCtrl,
                                       Boolean requestTestNotification, String subscriptionType,
                                       Double trackingAccuracy, WebsockNotifConfig websockNotifConfig)
        implements LocationSubscription {

    public static final String TYPE = "UserDistanceSubscription";
    public static final String ROOT = "userDistanceSubscription";

    public UserDistanceSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (monitoredAddress == null || monitoredAddress.isEmpty()) {
            throw new IllegalArgumentException("monitoredAddress must name at least one user");
        }
        if ((referenceAddress == null || referenceAddress.isEmpty()) && monitoredAddress.size() < 2) {
            throw new IllegalArgumentException("without referenceAddress, monitoredAddress must name at least two "
                    + "users");
        }
        if (distance == null || distance < 0) {
            throw new IllegalArgumentException("distance is required and must not be negative");
        }
        if (trackingAccuracy == null || trackingAccuracy < 0) {
            throw new IllegalArgumentException("trackingAccuracy is required and must not be negative");
        }
        if (criteria == null) {
            throw new IllegalArgumentException("criteria is required");
        }
        if (checkImmediate == null) {
            throw new IllegalArgumentException("checkImmediate is required");
        }
        monitoredAddress = List.copyOf(monitoredAddress);
        referenceAddress = referenceAddress == null ? null : List.copyOf(referenceAddress);
    }

    public static UserDistanceSubscription of(List<String> monitored, List<String> reference, double distance,
                                              DistanceCriteria criteria, boolean checkImmediate,
                                              String callbackReference) {
        return new UserDistanceSubscription(null, callbackReference, checkImmediate, null, criteria, distance, null,
                monitored, reference, null, null, TYPE, 0.0, null);
    }

    @Override
    public UserDistanceSubscription withLinks(Links newLinks) {
        return new UserDistanceSubscription(newLinks, callbackReference, checkImmediate, clientCorrelator, criteria,
                distance, expiryDeadline, monitoredAddress, referenceAddress, reportingCtrl, requestTestNotification,
                subscriptionType, trackingAccuracy, websockNotifConfig);
    }

    @Override
    public UserDistanceSubscription withDelivery(String callback, WebsockNotifConfig websock) {
        return new UserDistanceSubscription(links, callback, checkImmediate, clientCorrelator, criteria, distance,
                expiryDeadline, monitoredAddress, referenceAddress, reportingCtrl, requestTestNotification,
                subscriptionType, trackingAccuracy, websock);
    }

    @Override
    public String rootKey() {
        return ROOT;
    }
}
