package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * An E-RAB was established in cell {@code ecgi} (MEC 012 6.4.3): its id and QoS class. {@code _links} and
 * {@code subscription} as in {@link CellChangeNotification}. Not an {@link RniNotification}: that sealed type is what
 * existing consumers switch over exhaustively.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RabEstNotification(String notificationType, TimeStamp timeStamp, Ecgi ecgi,
                                 List<AssociateId> associateId, Integer erabId,
                                 RabInfo.ErabQosParameters erabQosParameters,
                                 @JsonProperty("_links") List<SelfLinks> links,
                                 List<LinkType> subscription) {

    public static final String TYPE = "RabEstNotification";
}
