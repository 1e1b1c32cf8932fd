package org.oneedge.mec.api.iot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** MEC 033 {@code ImplSpecificInfo} of a message-bus transport: the topics devices and apps use. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImplSpecificInfo(List<String> eventTopics, List<String> uplinkTopics, List<String> downlinkTopics) {
}
