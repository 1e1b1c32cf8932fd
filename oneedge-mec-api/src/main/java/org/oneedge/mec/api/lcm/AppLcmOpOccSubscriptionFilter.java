package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;

/** MEC 010-2 {@code AppLcmOpOccSubscriptionFilter} (single values, as the file types them). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppLcmOpOccSubscriptionFilter(AppInstanceSubscriptionFilter appInstanceSubscriptionFilter,
                                            String notificationTypes, LcmOperation operationTypes,
                                            OperationState operationStates) {
}
