package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * The QoS of E-RAB {@code erabId} in cell {@code ecgi} was modified (MEC 012 6.4.4); {@code erabQosParameters} is the
 * QoS from now on. {@code _links} and {@code subscription} as in {@link CellChangeNotification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RabModNotification(String notificationType, TimeStamp timeStamp, Ecgi ecgi,
                                 List<AssociateId> associateId, Integer erabId,
                                 RabInfo.ErabQosParameters erabQosParameters,
                                 @JsonProperty("_links") List<SelfLinks> links, List<LinkType> subscription) {

    public static final String TYPE = "RabModNotification";
}
