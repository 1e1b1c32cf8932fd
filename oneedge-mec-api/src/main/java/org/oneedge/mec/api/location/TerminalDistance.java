package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.oneedge.mec.api.common.TimeStamp;

/** Distance in metres between a user and a point or two users (MEC 013, body root {@code terminalDistance}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerminalDistance(int distance, Integer accuracy, TimeStamp timestamp) {
}
