package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Where a {@link UserLocationEventSubscription} watches (MEC 013 6.5.5): a zone or a list of access points (only one
 * of the two).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserEventPara(List<String> accessPointList, OccurrenceInfo occurrenceInfo,
                            Boolean reportingLocationReq, String zoneId) {

    public UserEventPara {
        if (zoneId != null && accessPointList != null && !accessPointList.isEmpty()) {
            throw new IllegalArgumentException("userEventPara may hold zoneId or accessPointList, not both");
        }
    }

    /** Whether reporting is one-time (MEC 013 {@code OccurrenceInfo}). */
    public enum OccurrenceInfo {
        ONE_TIME_EVENT,
        MULTIPLE_TIME_EVENT
    }
}
