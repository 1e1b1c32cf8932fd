package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * A zone or access point crossed a user number threshold (MEC 013 6.4.7), wrapped as
 * {@code {"zoneStatusNotification": ...}}. {@code userNumEvent}: 1 OVER_ZONE_UPPER_THD, 2 UNDER_ZONE_LOWER_THD,
 * 3 OVER_AP_UPPER_THD, 4 UNDER_AP_LOWER_THD.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ZoneStatusNotification(@JsonProperty("_links") Links links, String accessPointId,
                                     String notificationType, OperationStatus operationStatus, TimeStamp timeStamp,
                                     Integer userNumEvent, String zoneId) {

    public static final String TYPE = "ZoneStatusNotification";
    public static final String ROOT = "zoneStatusNotification";
    public static final int OVER_ZONE_UPPER_THD = 1;
    public static final int UNDER_ZONE_LOWER_THD = 2;
    public static final int OVER_AP_UPPER_THD = 3;
    public static final int UNDER_AP_LOWER_THD = 4;
}
