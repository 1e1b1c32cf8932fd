package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * A UE's carrier aggregation was reconfigured in its primary cell {@code ecgi} (MEC 012 6.4.8): secondary cells added
 * and removed, and per configured secondary cell what the UE measures there and in the best neighbour.
 * {@code _links} and {@code subscription} as in {@link CellChangeNotification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaReconfNotification(String notificationType, TimeStamp timeStamp, Ecgi ecgi,
                                   List<AssociateId> associateId, List<SecondaryCell> secondaryCellAdd,
                                   List<SecondaryCell> secondaryCellRemove,
                                   List<CarrierAggregationMeasInfo> carrierAggregationMeasInfo,
                                   @JsonProperty("_links") List<SelfLinks> links, List<LinkType> subscription) {

    public static final String TYPE = "CaReconfNotification";

    /** A secondary cell added or removed (MEC 012 {@code SecondaryCellAdd}, {@code SecondaryCellRemove}). */
    public record SecondaryCell(Ecgi ecgi) {
    }

    /**
     * Measurements of one carrier aggregation serving cell and of its best neighbour (RSRP/RSRQ as 3GPP report
     * indices).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CarrierAggregationMeasInfo(String cellIdSrv, Integer rsrpSrv, Integer rsrqSrv, String cellIdNei,
                                             Integer rsrpNei, Integer rsrqNei) {
    }
}
