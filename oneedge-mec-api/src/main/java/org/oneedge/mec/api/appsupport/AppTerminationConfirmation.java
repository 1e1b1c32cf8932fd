package org.oneedge.mec.api.appsupport;

/** MEC 011 {@code AppTerminationConfirmation}: an app instance acknowledges a termination or stop request. */
public record AppTerminationConfirmation(OperationActionType operationAction) {

    public AppTerminationConfirmation {
        if (operationAction == null) {
            throw new IllegalArgumentException("operationAction is required (STOPPING or TERMINATING)");
        }
    }
}
