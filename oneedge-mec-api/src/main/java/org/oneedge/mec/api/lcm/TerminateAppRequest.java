package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;

/** MEC 010-2 {@code TerminateAppRequest}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerminateAppRequest(StopType terminationType, Integer gracefulTerminationTimeout) {

    public TerminateAppRequest {
        if (terminationType == null) {
            throw new IllegalArgumentException("terminationType is required (FORCEFUL or GRACEFUL)");
        }
    }
}
