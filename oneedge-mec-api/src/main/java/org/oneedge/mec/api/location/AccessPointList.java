package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Access points of a zone (MEC 013 {@code AccessPointList}, body root {@code accessPointList}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessPointList(String zoneId, List<AccessPointInfo> accessPoint, String resourceURL) {
}
