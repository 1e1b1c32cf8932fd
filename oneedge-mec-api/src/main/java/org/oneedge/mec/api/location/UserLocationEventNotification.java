package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * A watched user entered or left an area (MEC 013 6.4.4), POSTed wrapped as
 * {@code {"userLocationEventNotification": {...}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserLocationEventNotification(@JsonProperty("_links") Links links, String accessPointId,
                                            String address, LocationInfo locationInfo, String notificationType,
                                            TimeStamp timeStamp, LocationEventType userLocationEvent,
                                            String zoneId) {

    public static final String TYPE = "UserLocationEventNotification";
    public static final String ROOT = "userLocationEventNotification";
}
