package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Which cell changes a {@link CellChangeSubscription} wants (MEC 012 {@code FilterCriteriaAssocHo}); absent lists
 * match everything, {@code hoStatus} defaults to {@code [3]} (COMPLETED).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterCriteriaAssocHo(String appInstanceId, List<AssociateId> associateId, List<Ecgi> ecgi,
                                    List<HoStatus> hoStatus) {
}
