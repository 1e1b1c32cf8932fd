package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;

/** MEC 010-2 {@code OperateAppRequest}: start or stop an instantiated app. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperateAppRequest(AppOperationalState changeStateTo, StopType stopType, Integer gracefulStopTimeout) {

    public OperateAppRequest {
        if (changeStateTo == null) {
            throw new IllegalArgumentException("changeStateTo is required (STARTED or STOPPED)");
        }
    }
}
