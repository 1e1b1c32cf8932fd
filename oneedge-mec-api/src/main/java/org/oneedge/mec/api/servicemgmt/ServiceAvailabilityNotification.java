package org.oneedge.mec.api.servicemgmt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;

import java.util.List;

/** MEC 011 {@code ServiceAvailabilityNotification}: services that were added, changed or removed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceAvailabilityNotification(String notificationType, List<ServiceReference> serviceReferences,
                                              @JsonProperty("_links") Links links) {

    public static final String TYPE = "SerAvailabilityNotification";

    /** One changed service ({@code ServiceReferences} in the file). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceReference(LinkType link, String serName, String serInstanceId, ServiceState state,
                                   ChangeType changeType) {
    }

    /** {@code _links}: the subscription this notification belongs to. */
    public record Links(LinkType subscription) {
    }
}
