package org.oneedge.mec.api.servicemgmt;

/** MEC 011 {@code ServiceLivenessUpdate}: the heartbeat body (PATCH on the liveness resource). */
public record ServiceLivenessUpdate(ServiceState state) {

    public ServiceLivenessUpdate {
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
    }
}
