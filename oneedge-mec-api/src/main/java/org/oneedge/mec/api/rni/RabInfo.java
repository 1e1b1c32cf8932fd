package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/** Radio access bearers per cell and UE (MEC 012 6.2.3, answer of {@code /queries/rab_info}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RabInfo(TimeStamp timeStamp, String appInstanceId, String requestId, List<CellUserInfo> cellUserInfo) {

    /** The UEs of one cell. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellUserInfo(Ecgi ecgi, List<UeInfo> ueInfo) {
    }

    /** One UE and its E-RABs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UeInfo(List<AssociateId> associateId, List<ErabInfo> erabInfo) {
    }

    /** One E-RAB. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErabInfo(Integer erabId, ErabQosParameters erabQosParameters) {
    }

    /** QoS of an E-RAB. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErabQosParameters(Integer qci, QosInformation qosInformation) {
    }

    /** Bit rates of a GBR E-RAB, kbit/s. */
    public record QosInformation(Integer erabMbrDl, Integer erabMbrUl, Integer erabGbrDl, Integer erabGbrUl) {
    }
}
