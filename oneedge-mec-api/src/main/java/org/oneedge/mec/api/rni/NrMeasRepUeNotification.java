package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * A 5G UE measurement report (MEC 012 6.4.11): the NR serving cell with its SS-RSRP/RSRQ/SINR report indices
 * (TS 38.133) and its best neighbour, then the measured NR and E-UTRA neighbours. {@code _links} and
 * {@code subscription} as in {@link CellChangeNotification}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NrMeasRepUeNotification(String notificationType, TimeStamp timeStamp, List<AssociateId> associateId,
                                      TriggerNr triggerNr, List<ServCellMeasInfo> servCellMeasInfo,
                                      List<NrNeighCellMeasInfo> nrNeighCellMeasInfo,
                                      List<EutraNeighCellMeasInfo> eutraNeighCellMeasInfo,
                                      @JsonProperty("_links") List<SelfLinks> links,
                                      List<LinkType> subscription) {

    public static final String TYPE = "NrMeasRepUeNotification";

    /** Report indices of one cell (MEC 012 6.5.11 {@code MeasQuantityResultsNr}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeasQuantityResultsNr(Integer rsrp, Integer rsrq, Integer sinr) {
    }

    /** Measurements of one cell's synchronisation signal block (MEC 012 {@code SCell} / {@code NCell}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellMeas(MeasQuantityResultsNr measQuantityResultsSsbCell) {
    }

    /** The serving cell and its best neighbour (MEC 012 {@code ServCellMeasInfo}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServCellMeasInfo(Nrcgi nrcgi, CellMeas sCell, CellMeas nCell) {
    }

    /** A measured NR neighbour (MEC 012 {@code NrNeighCellMeasInfo}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NrNeighCellMeasInfo(Nrcgi nrcgi, MeasQuantityResultsNr measQuantityResultsSsbCell) {
    }

    /** A measured E-UTRA neighbour (MEC 012 {@code EutraNeighCellMeasInfo}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EutraNeighCellMeasInfo(Ecgi ecgi, Integer rsrp, Integer rsrq, Integer sinr) {
    }
}
