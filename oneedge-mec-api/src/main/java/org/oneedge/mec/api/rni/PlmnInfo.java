package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/** The operators serving an application instance (MEC 012 6.2.2, answer of {@code /queries/plmn_info}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlmnInfo(TimeStamp timeStamp, String appInstanceId, List<Plmn> plmn) {
}
