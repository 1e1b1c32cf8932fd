package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A neighbouring E-UTRAN cell in a UE measurement report (MEC 012 {@code EutranNeighbourCellMeasInfo}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EutranNeighbourCellMeasInfo(Ecgi ecgi, Integer rsrp, Integer rsrq, Integer rsrpEx, Integer rsrqEx,
                                          Integer sinr) {
}
