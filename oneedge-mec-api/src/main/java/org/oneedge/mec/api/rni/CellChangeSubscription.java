package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/** Subscription to UE cell changes (MEC 012 6.3.2), notified with {@link CellChangeNotification}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellChangeSubscription(String subscriptionType, String callbackReference,
                                     Boolean requestTestNotification, WebsockNotifConfig websockNotifConfig,
                                     @JsonProperty("_links") SelfLinks links,
                                     FilterCriteriaAssocHo filterCriteriaAssocHo, TimeStamp expiryDeadline)
        implements RniSubscription {

    public static final String TYPE = "CellChangeSubscription";

    public CellChangeSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (filterCriteriaAssocHo == null) {
            throw new IllegalArgumentException("filterCriteriaAssocHo is required");
        }
    }

    /** A subscription for the given filter, delivered to {@code callbackReference}. */
    public static CellChangeSubscription of(String callbackReference, FilterCriteriaAssocHo filter,
                                            TimeStamp expiryDeadline) {
        return new CellChangeSubscription(TYPE, callbackReference, null, null, null, filter, expiryDeadline);
    }

    @Override
    public CellChangeSubscription withLinks(SelfLinks newLinks) {
        FilterCriteriaAssocHo f = filterCriteriaAssocHo;
        if (f.hoStatus() == null || f.hoStatus().isEmpty()) {
            f = new FilterCriteriaAssocHo(f.appInstanceId(), f.associateId(), f.ecgi(), List.of(HoStatus.COMPLETED));
        }
        return new CellChangeSubscription(subscriptionType, callbackReference, requestTestNotification,
                websockNotifConfig, newLinks, f, expiryDeadline);
    }

    @Override
    public CellChangeSubscription withDelivery(String newCallbackReference, WebsockNotifConfig newWebsockNotifConfig) {
        return new CellChangeSubscription(subscriptionType, newCallbackReference, requestTestNotification,
                newWebsockNotifConfig, links, filterCriteriaAssocHo, expiryDeadline);
    }
}
