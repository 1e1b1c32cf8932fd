package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * A UE measurement report (MEC 012 6.4.6): serving cell {@code ecgi} with RSRP/RSRQ/SINR as 3GPP report indices
 * (TS 36.133), the trigger, and the measured neighbours. {@code _links} and {@code subscription} as in
 * {@link CellChangeNotification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasRepUeNotification(String notificationType, TimeStamp timeStamp, List<AssociateId> associateId,
                                    Ecgi ecgi, Integer rsrp, Integer rsrq, Integer rsrpEx, Integer rsrqEx,
                                    Integer sinr, Trigger trigger, Integer heightUe,
                                    List<EutranNeighbourCellMeasInfo> eutranNeighbourCellMeasInfo,
                                    List<NewRadioMeasNeiInfo> newRadioMeasNeiInfo,
                                    @JsonProperty("_links") List<SelfLinks> links,
                                    List<LinkType> subscription) implements RniNotification {

    public static final String TYPE = "MeasRepUeNotification";
}
