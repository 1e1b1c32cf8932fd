package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * A user attached to an access point (MEC 013 6.2.2). Sent with {@code accessPointId} (the name the file's required
 * list and the spec text use); the file's property spelling {@code AccessPointId} is accepted on input.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserInfo(String address, @JsonAlias("AccessPointId") String accessPointId, String zoneId,
                       String resourceURL, TimeStamp timestamp, LocationInfo locationInfo, String ancillaryInfo) {
}
