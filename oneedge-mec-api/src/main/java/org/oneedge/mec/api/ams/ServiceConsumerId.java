package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who registers with AMS: an application instance or a MEC platform, exactly one of the two (MEC 021 7.2.2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceConsumerId(String appInstanceId, String mepId) {

    public ServiceConsumerId {
        if ((appInstanceId == null) == (mepId == null)) {
            throw new IllegalArgumentException("serviceConsumerId needs exactly one of appInstanceId and mepId");
        }
    }

    public static ServiceConsumerId app(String appInstanceId) {
        return new ServiceConsumerId(appInstanceId, null);
    }
}
