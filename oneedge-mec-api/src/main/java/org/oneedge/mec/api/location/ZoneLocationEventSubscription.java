package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * Subscription to users entering and leaving a zone (MEC 013 6.3.6), body root {@code zoneLocationEventSubscription};
 * notified with {@link ZoneLocationEventNotification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ZoneLocationEventSubscription(@JsonProperty("_links") Links links, List<String> addressList,
                                            String callbackReference, String clientCorrelator,
                                            TimeStamp expiryDeadline,
                                            List<LocationEventType> locationEventCriteria,
                                            ReportingCtrl reportingCtrl, Boolean requestTestNotification,
                                            String subscriptionType, WebsockNotifConfig websockNotifConfig,
                                            String zoneId) implements LocationSubscription {

    public static final String TYPE = "ZoneLocationEventSubscription";
    public static final String ROOT = "zoneLocationEventSubscription";

    public ZoneLocationEventSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (zoneId == null || zoneId.isBlank()) {
            throw new IllegalArgumentException("zoneId is required");
        }
    }

    public static ZoneLocationEventSubscription of(String zoneId, String callbackReference,
                                                   List<LocationEventType> criteria, List<String> addressList,
                                                   TimeStamp expiryDeadline) {
        return new ZoneLocationEventSubscription(null, addressList, callbackReference, null, expiryDeadline,
                criteria, null, null, TYPE, null, zoneId);
    }

    @Override
    public ZoneLocationEventSubscription withLinks(Links newLinks) {
        return new ZoneLocationEventSubscription(newLinks, addressList, callbackReference, clientCorrelator,
                expiryDeadline, locationEventCriteria, reportingCtrl, requestTestNotification, subscriptionType,
                websockNotifConfig, zoneId);
    }

    @Override
    public ZoneLocationEventSubscription withDelivery(String callback, WebsockNotifConfig websock) {
        return new ZoneLocationEventSubscription(links, addressList, callback, clientCorrelator, expiryDeadline,
                locationEventCriteria, reportingCtrl, requestTestNotification, subscriptionType, websock, zoneId);
    }

    @Override
    public String rootKey() {
        return ROOT;
    }
}
