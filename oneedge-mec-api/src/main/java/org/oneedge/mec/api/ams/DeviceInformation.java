package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A device served by the registering app instance (MEC 021 7.2.2 {@code deviceInformation}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceInformation(AssociateId associateId, AppMobilityServiceLevel appMobilityServiceLevel,
                                ContextTransferState contextTransferState) {

    public DeviceInformation {
        if (associateId == null) {
            throw new IllegalArgumentException("deviceInformation.associateId is required");
        }
    }

    public static DeviceInformation of(String associateId, AppMobilityServiceLevel level) {
        return new DeviceInformation(AssociateId.of(associateId), level, ContextTransferState.NOT_TRANSFERRED);
    }

    public DeviceInformation withContextTransferState(ContextTransferState state) {
        return new DeviceInformation(associateId, appMobilityServiceLevel, state);
    }
}
