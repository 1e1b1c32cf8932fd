package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * A user entered or left a watched zone (MEC 013 6.4.6), POSTed wrapped as
 * {@code {"zoneLocationEventNotification": {...}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ZoneLocationEventNotification(@JsonProperty("_links") Links links, String address,
                                            String notificationType, TimeStamp timeStamp,
                                            LocationEventType userLocationEvent, String zoneId) {

    public static final String TYPE = "ZoneLocationEventNotification";
    public static final String ROOT = "zoneLocationEventNotification";
}
