package org.oneedge.mec.api.servicemgmt;

import org.oneedge.mec.api.common.TimeStamp;

/** MEC 011 {@code ServiceLivenessInfo}: the liveness state of a service that sends heartbeats. */
public record ServiceLivenessInfo(ServiceState state, TimeStamp timeStamp, int interval) {
}
