package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * A UE's timing advance in its serving cell {@code ecgi} (MEC 012 6.4.7; TS 36.213 4.2.3, one step of 16 Ts is about
 * 78 m of distance). {@code _links} and {@code subscription} as in {@link CellChangeNotification}. Not an
 * {@link RniNotification}: that sealed type is what existing consumers switch over exhaustively.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasTaNotification(String notificationType, TimeStamp timeStamp, Ecgi ecgi,
                                 List<AssociateId> associateId, Integer timingAdvance,
                                 @JsonProperty("_links") List<SelfLinks> links, List<LinkType> subscription) {

    public static final String TYPE = "MeasTaNotification";
}
