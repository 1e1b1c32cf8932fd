package org.oneedge.mec.api.appsupport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;

/**
 * MEC 011 {@code AppTerminationNotification}: the platform will terminate or stop the app instance; it should clean up
 * and confirm within {@code maxGracefulTimeout} seconds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppTerminationNotification(String notificationType, OperationActionType operationAction,
                                         int maxGracefulTimeout, @JsonProperty("_links") Links links) {

    public static final String TYPE = "AppTerminationNotification";

    /** {@code _links}: the subscription and where to confirm. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(LinkType subscription, LinkType confirmTermination) {
    }
}
