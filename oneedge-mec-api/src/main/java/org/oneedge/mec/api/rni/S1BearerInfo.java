package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * The S1 bearers of UEs (MEC 012 6.2.4, answer of {@code /queries/s1_bearer_info}): per UE its identities, cells and
 * the tunnel end points of each bearer on the eNB and S-GW sides. (RniAPI.yaml 2.2.1 names this answer's schema
 * {@code S1BearerInfo} but gives it the fields of one bearer, {@code S1BearerInfoDetailed}; the body follows the
 * spec text, and its parts are the file's {@code S1UeInfo} and {@code TimeStamp}.)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record S1BearerInfo(TimeStamp timeStamp, List<S1UeInfo> s1UeInfo) {

    /** One UE and its S1 bearers (MEC 012 {@code S1UeInfo}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record S1UeInfo(TempUeId tempUeId, List<AssociateId> associateId, List<Ecgi> ecgi,
                           List<Detailed> s1BearerInfoDetailed) {
    }

    /** One S1 bearer (MEC 012 {@code S1BearerInfoDetailed}). */
    public record Detailed(Integer erabId, Endpoint enbInfo, @JsonProperty("sGwInfo") Endpoint sGwInfo) {
    }

    /** A GTP-U tunnel end point: transport address and TEID (MEC 012 {@code EnbInfo}, {@code SGwInfo}). */
    public record Endpoint(String ipAddress, String tunnelId) {
    }

    /** The temporary identity of a UE (MEC 012 {@code TempUeId}, TS 36.413 S-TMSI parts). */
    public record TempUeId(String mmec, String mtmsi) {
    }
}
