package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;

/**
 * The four MEC 010-2 LCM subscription shapes in one record, told apart by {@code subscriptionType}:
 * {@code AppInstSubscriptionRequest/Info} ({@code AppInstanceStateChangeSubscription}),
 * {@code AppLcmOpOccSubscriptionRequest/Info} ({@code AppLcmOpOccStateChangeSubscription}),
 * {@code AppInstIdCreationSubscriptionRequest/Info} ({@code AppIdentifierCreationSubscription}) and
 * {@code AppInstIdDeletionSubscriptionRequest/Info} ({@code AppIdentifierDeletionSubscription}). Requests leave
 * {@code id} and {@code _links} out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LcmSubscription(String id, String subscriptionType, String callbackUri,
                              AppInstanceState appInstanceState,
                              AppInstanceSubscriptionFilter appInstanceSubscriptionFilter,
                              AppLcmOpOccSubscriptionFilter appLcmOpOccSubscriptionFilter,
                              @JsonProperty("_links") Links links) {

    public static final String APP_INSTANCE_STATE_CHANGE = "AppInstanceStateChangeSubscription";
    public static final String APP_LCM_OP_OCC_STATE_CHANGE = "AppLcmOpOccStateChangeSubscription";
    public static final String APP_IDENTIFIER_CREATION = "AppIdentifierCreationSubscription";
    public static final String APP_IDENTIFIER_DELETION = "AppIdentifierDeletionSubscription";

    /** {@code _links}: the subscription itself. */
    public record Links(LinkType self) {
    }

    public LcmSubscription {
        if (subscriptionType == null || !java.util.Set.of(APP_INSTANCE_STATE_CHANGE, APP_LCM_OP_OCC_STATE_CHANGE,
                APP_IDENTIFIER_CREATION, APP_IDENTIFIER_DELETION).contains(subscriptionType)) {
            throw new IllegalArgumentException("subscriptionType must be one of " + APP_INSTANCE_STATE_CHANGE + ", "
                    + APP_LCM_OP_OCC_STATE_CHANGE + ", " + APP_IDENTIFIER_CREATION + ", " + APP_IDENTIFIER_DELETION
                    + "; was " + subscriptionType);
        }
        if (callbackUri == null || callbackUri.isBlank()) {
            throw new IllegalArgumentException("callbackUri is required");
        }
    }

    public static LcmSubscription of(String subscriptionType, String callbackUri) {
        return new LcmSubscription(null, subscriptionType, callbackUri, null, null, null, null);
    }
}
