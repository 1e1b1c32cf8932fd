package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * An E-RAB was released in cell {@code ecgi} (MEC 012 6.4.5). {@code _links} and {@code subscription} as in
 * {@link CellChangeNotification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RabRelNotification(String notificationType, TimeStamp timeStamp, Ecgi ecgi,
                                 List<AssociateId> associateId, ErabReleaseInfo erabReleaseInfo,
                                 @JsonProperty("_links") List<SelfLinks> links,
                                 List<LinkType> subscription) {

    public static final String TYPE = "RabRelNotification";

    /** The released bearer (MEC 012 {@code ErabReleaseInfo}). */
    public record ErabReleaseInfo(Integer erabId) {
    }
}
