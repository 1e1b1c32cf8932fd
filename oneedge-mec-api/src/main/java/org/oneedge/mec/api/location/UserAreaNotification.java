package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * A watched user entered or left a geographic area (MEC 013 6.4.8), wrapped as
 * {@code {"userAreaNotification": ...}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserAreaNotification(@JsonProperty("_links") Links links, String address, LocationInfo locationInfo,
                                   String notificationType, TimeStamp timeStamp,
                                   LocationEventType userLocationEvent) {

    public static final String TYPE = "UserAreaNotification";
    public static final String ROOT = "userAreaNotification";
}
