package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * The distance criterion of a {@link UserDistanceSubscription} became true (MEC 013 6.4.9), wrapped as
 * {@code {"userDistanceNotification": ...}}; {@code monitoredUsers} holds the monitored users' locations.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserDistanceNotification(@JsonProperty("_links") Links links, DistanceCriteria distanceEvent,
                                       UserList monitoredUsers, String notificationType, TimeStamp timeStamp) {

    public static final String TYPE = "UserDistanceNotification";
    public static final String ROOT = "userDistanceNotification";
}
