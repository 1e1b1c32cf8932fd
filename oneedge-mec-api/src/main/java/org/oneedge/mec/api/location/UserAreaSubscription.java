package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * Subscription to users entering and leaving a geographic area (MEC 013 6.3.8), body root
 * {@code userAreaSubscription}; notified with {@link UserAreaNotification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserAreaSubscription(@JsonProperty("_links") Links links, List<String> addressList,
                                   AreaInfo areaDefine, String callbackReference, String clientCorrelator,
                                   TimeStamp expiryDeadline, List<LocationEventType> locationEventCriteria,
                                   ReportingCtrl reportingCtrl, Boolean reportingLocationReq,
                                   Boolean requestTestNotification, String subscriptionType,
                                   Double trackingAccuracy, WebsockNotifConfig websockNotifConfig)
        implements LocationSubscription {

    public static final String TYPE = "UserAreaSubscription";
    public static final String ROOT = "userAreaSubscription";

    public UserAreaSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (addressList == null || addressList.isEmpty()) {
            throw new IllegalArgumentException("addressList must name at least one user");
        }
        if (areaDefine == null) {
            throw new IllegalArgumentException("areaDefine is required");
        }
        if (trackingAccuracy == null || trackingAccuracy < 0) {
            throw new IllegalArgumentException("trackingAccuracy is required and must not be negative");
        }
        addressList = List.copyOf(addressList);
    }

    public static UserAreaSubscription of(List<String> addressList, AreaInfo area, String callbackReference,
                                          List<LocationEventType> criteria, double trackingAccuracy) {
        return new UserAreaSubscription(null, addressList, area, callbackReference, null, null, criteria, null, null,
                null, TYPE, trackingAccuracy, null);
    }

    @Override
    public UserAreaSubscription withLinks(Links newLinks) {
        return new UserAreaSubscription(newLinks, addressList, areaDefine, callbackReference, clientCorrelator,
                expiryDeadline, locationEventCriteria, reportingCtrl, reportingLocationReq, requestTestNotification,
                subscriptionType, trackingAccuracy, websockNotifConfig);
    }

    @Override
    public UserAreaSubscription withDelivery(String callback, WebsockNotifConfig websock) {
        return new UserAreaSubscription(links, addressList, areaDefine, callback, clientCorrelator, expiryDeadline,
                locationEventCriteria, reportingCtrl, reportingLocationReq, requestTestNotification,
                subscriptionType, trackingAccuracy, websock);
    }

    @Override
    public String rootKey() {
        return ROOT;
    }
}
