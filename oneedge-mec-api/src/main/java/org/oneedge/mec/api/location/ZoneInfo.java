package org.oneedge.mec.api.location;

/** A zone and its counts (MEC 013 {@code ZoneInfo}, body root {@code zoneInfo}). */
public record ZoneInfo(String zoneId, int numberOfAccessPoints, int numberOfUnserviceableAccessPoints,
                       int numberOfUsers, String resourceURL) {
}
