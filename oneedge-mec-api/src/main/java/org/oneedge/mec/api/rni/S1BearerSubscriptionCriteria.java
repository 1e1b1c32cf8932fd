package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Which UEs, cells and bearers an {@link S1BearerSubscription} watches (MEC 012 {@code S1BearerSubscriptionCriteria});
 * absent or empty lists match everything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record S1BearerSubscriptionCriteria(List<AssociateId> associateId, List<Ecgi> ecgi, List<Integer> erabId) {
}
