package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Which measurement reports a {@link MeasRepUeSubscription} wants (MEC 012 {@code FilterCriteriaAssocTri}); absent
 * or empty lists match everything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterCriteriaAssocTri(String appInstanceId, List<AssociateId> associateId, List<Ecgi> ecgi,
                                     List<Trigger> trigger) {
}
