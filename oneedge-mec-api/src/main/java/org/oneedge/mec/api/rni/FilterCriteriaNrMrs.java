package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Which 5G measurement reports a {@link NrMeasRepUeSubscription} wants (MEC 012 {@code FilterCriteriaNrMrs}); absent
 * or empty lists match everything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterCriteriaNrMrs(String appInstanceId, List<AssociateId> associateId, List<Nrcgi> nrcgi,
                                  List<TriggerNr> triggerNr) {
}
