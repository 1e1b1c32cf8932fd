package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * Layer-2 measurements per cell and per UE (MEC 012 6.2.4a, answer of {@code /queries/layer2_meas}); field names are
 * the file's snake_case names.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record L2Meas(TimeStamp timeStamp, List<CellInfo> cellInfo, List<CellUEInfo> cellUEInfo) {

    /** Per-cell counters (percentages, UE counts). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellInfo(Ecgi ecgi,
                           @JsonProperty("dl_gbr_prb_usage_cell") Integer dlGbrPrbUsageCell,
                           @JsonProperty("ul_gbr_prb_usage_cell") Integer ulGbrPrbUsageCell,
                           @JsonProperty("dl_nongbr_prb_usage_cell") Integer dlNongbrPrbUsageCell,
                           @JsonProperty("ul_nongbr_prb_usage_cell") Integer ulNongbrPrbUsageCell,
                           @JsonProperty("dl_total_prb_usage_cell") Integer dlTotalPrbUsageCell,
                           @JsonProperty("ul_total_prb_usage_cell") Integer ulTotalPrbUsageCell,
                           @JsonProperty("number_of_active_ue_dl_nongbr_cell") Integer numberOfActiveUeDlNongbrCell,
                           @JsonProperty("number_of_active_ue_ul_nongbr_cell") Integer numberOfActiveUeUlNongbrCell,
                           @JsonProperty("dl_nongbr_pdr_cell") Integer dlNongbrPdrCell,
                           @JsonProperty("ul_nongbr_pdr_cell") Integer ulNongbrPdrCell) {
    }

    /** Per-UE counters (delay ms, throughput kbit/s, packet discard rate %). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellUEInfo(Ecgi ecgi, AssociateId associateId,
                             @JsonProperty("dl_nongbr_delay_ue") Integer dlNongbrDelayUe,
                             @JsonProperty("ul_nongbr_delay_ue") Integer ulNongbrDelayUe,
                             @JsonProperty("dl_nongbr_throughput_ue") Integer dlNongbrThroughputUe,
                             @JsonProperty("ul_nongbr_throughput_ue") Integer ulNongbrThroughputUe,
                             @JsonProperty("dl_nongbr_pdr_ue") Integer dlNongbrPdrUe,
                             @JsonProperty("ul_nongbr_pdr_ue") Integer ulNongbrPdrUe) {
    }
}
