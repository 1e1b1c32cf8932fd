package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * Subscription to mobility procedure events of devices (MEC 021 7.3.2), notified with
 * {@link MobilityProcedureNotification}; {@code filterCriteria.mobilityStatus} defaults to
 * {@code [INTERHOST_MOVEOUT_TRIGGERED]}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MobilityProcedureSubscription(String subscriptionType, String callbackReference,
                                            Boolean requestTestNotification, WebsockNotifConfig websockNotifConfig,
                                            @JsonProperty("_links") SelfLinks links, FilterCriteria filterCriteria,
                                            TimeStamp expiryDeadline) implements AmsSubscription {

    public static final String TYPE = "MobilityProcedureSubscription";

    public MobilityProcedureSubscription {
        if (!TYPE.equals(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be " + TYPE);
        }
        if (filterCriteria == null) {
            throw new IllegalArgumentException("filterCriteria is required");
        }
    }

    /** The filter (MEC 021 {@code FilterCriteria}); absent/empty lists match all. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FilterCriteria(String appInstanceId, List<AssociateId> associateId,
                                 List<MobilityStatus> mobilityStatus) {
    }

    public static MobilityProcedureSubscription of(String callbackReference, String appInstanceId,
                                                   List<AssociateId> associateIds, List<MobilityStatus> statuses) {
        return new MobilityProcedureSubscription(TYPE, callbackReference, null, null, null,
                new FilterCriteria(appInstanceId, associateIds, statuses), null);
    }

    @Override
    public String filterAppInstanceId() {
        return filterCriteria.appInstanceId();
    }

    @Override
    public MobilityProcedureSubscription withLinks(SelfLinks newLinks) {
        FilterCriteria f = filterCriteria;
        if (f.mobilityStatus() == null || f.mobilityStatus().isEmpty()) {
            f = new FilterCriteria(f.appInstanceId(), f.associateId(),
                    List.of(MobilityStatus.INTERHOST_MOVEOUT_TRIGGERED));
        }
        return new MobilityProcedureSubscription(subscriptionType, callbackReference, requestTestNotification,
                websockNotifConfig, newLinks, f, expiryDeadline);
    }

    @Override
    public MobilityProcedureSubscription withDelivery(String callback, WebsockNotifConfig websock) {
        return new MobilityProcedureSubscription(subscriptionType, callback, requestTestNotification, websock, links,
                filterCriteria, expiryDeadline);
    }
}
