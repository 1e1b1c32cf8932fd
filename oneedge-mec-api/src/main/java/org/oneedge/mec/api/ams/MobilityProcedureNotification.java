package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * A device's inter-host mobility procedure started, completed or failed (MEC 021 7.4.2); on TRIGGERED,
 * {@code targetAppInfo} names the instance of the same application on the device's new MEC host.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MobilityProcedureNotification(String notificationType, TimeStamp timeStamp,
                                            List<AssociateId> associateId, MobilityStatus mobilityStatus,
                                            TargetAppInfo targetAppInfo,
                                            @JsonProperty("_links") SubscriptionLinks links) {

    public static final String TYPE = "MobilityProcedureNotification";
}
