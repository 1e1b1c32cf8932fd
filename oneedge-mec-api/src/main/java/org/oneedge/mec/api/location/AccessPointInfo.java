package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An access point (MEC 013 {@code AccessPointInfo}, body root {@code accessPointInfo}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessPointInfo(String accessPointId, LocationInfo locationInfo, ConnectionType connectionType,
                              OperationStatus operationStatus, int numberOfUsers, String interestRealm,
                              String resourceURL) {
}
