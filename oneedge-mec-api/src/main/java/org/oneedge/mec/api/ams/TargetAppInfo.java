package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The application instance a device's context should move to (MEC 021 {@code TargetAppInfo}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetAppInfo(String appInstanceId, CommunicationInterface commInterface) {
}
