package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * The set of instances of an application on other MEC hosts changed (MEC 021 7.4.3; not in the 2.2.1 file, shape
 * from the spec text / AdvantEDGE, MEC-DIGEST 5.2).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdjacentAppInfoNotification(String notificationType, TimeStamp timeStamp,
                                          List<AssociateId> associateId, List<AdjacentAppInfo> adjacentAppInfo,
                                          @JsonProperty("_links") SubscriptionLinks links) {

    public static final String TYPE = "AdjacentAppInfoNotification";

    /** One adjacent instance. */
    public record AdjacentAppInfo(String appInstanceId, List<CommunicationInterface> commInterface) {
    }
}
