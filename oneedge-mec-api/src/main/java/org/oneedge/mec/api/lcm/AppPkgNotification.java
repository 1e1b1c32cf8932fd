package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * MEC 010-2 {@code AppPkgNotification}; {@code notificationType} is {@code AppPackageOnBoarded},
 * {@code AppPackageEnabled}, {@code AppPackageDisabled} or {@code AppPackageDeleted}.
 */
public record AppPkgNotification(String id, String notificationType, String subscriptionId, TimeStamp timeStamp,
                                 String appPkgId, String appDId, AppPkgOperationalState operationalState,
                                 @JsonProperty("_links") Links links) {

    /** {@code _links}: the subscription. */
    public record Links(LinkType subscription) {
    }
}
