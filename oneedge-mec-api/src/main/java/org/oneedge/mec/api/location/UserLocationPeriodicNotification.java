package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * One periodic location report (MEC 013 6.4.5), POSTed wrapped as {@code {"userLocationPeriodicNotification": {...}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserLocationPeriodicNotification(@JsonProperty("_links") Links links, String accessPointId,
                                               String address, Boolean isFinalNotification,
                                               LocationInfo locationInfo, String notificationType,
                                               NotificationResult result, TimeStamp timeStamp, String zoneId) {

    public static final String TYPE = "UserLocationPeriodicNotification";
    public static final String ROOT = "userLocationPeriodicNotification";
}
