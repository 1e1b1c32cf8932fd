package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A neighbouring 5G NR cell in a UE measurement report (MEC 012 {@code NewRadioMeasNeiInfo}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewRadioMeasNeiInfo(List<NrNCellInfo> nrNCellInfo, Integer nrNCellRsrp, Integer nrNCellRsrq,
                                  Integer nrNCellRssi) {

    /** Identity of an NR neighbour cell (MEC 012 {@code NrNCellInfo}). */
    public record NrNCellInfo(List<Plmn> nrNCellPlmn, String nrNCellGId) {
    }
}
