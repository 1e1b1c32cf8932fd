package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Which UEs and cells a {@link MeasTaSubscription} watches (MEC 012 {@code FilterCriteriaAssoc}); absent or empty lists
 * match everything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterCriteriaAssoc(String appInstanceId, List<AssociateId> associateId, List<Ecgi> ecgi) {
}
