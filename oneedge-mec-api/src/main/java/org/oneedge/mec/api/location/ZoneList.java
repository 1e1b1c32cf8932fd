package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Zones (MEC 013 {@code ZoneList}, body root {@code zoneList}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ZoneList(String resourceURL, List<ZoneInfo> zone) {
}
