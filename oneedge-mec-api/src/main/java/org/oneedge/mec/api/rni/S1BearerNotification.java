package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * An S1 bearer of a UE was established, modified (path switch after a handover) or released (MEC 012 6.4.10).
 * {@code s1Event} is a string in RniAPI.yaml 2.2.1: the {@link S1BearerEvent} name, e.g. {@code S1_BEARER_ESTABLISH}.
 * {@code _links} and {@code subscription} as in {@link CellChangeNotification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record S1BearerNotification(String notificationType, TimeStamp timeStamp, String s1Event, S1UeInfo s1UeInfo,
                                   @JsonProperty("_links") List<SelfLinks> links, List<LinkType> subscription) {

    public static final String TYPE = "S1BearerNotification";

    /** The UE and the bearers concerned (MEC 012 {@code S1UeInfo} of the notification). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record S1UeInfo(S1BearerInfo.TempUeId tempUeId, List<AssociateId> associateId, List<Ecgi> ecgi,
                           List<S1BearerInfo.Detailed> s1BearerInfo) {
    }
}
