package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Geographical position of a user or access point (MEC 013 6.5.3); OneEdge reports an ellipsoid point
 * ({@code shape} 2) with one latitude and one longitude, plus the velocity for moving users.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocationInfo(List<Double> latitude, List<Double> longitude, Double altitude, Integer accuracy,
                           Integer shape, Velocity velocity) {

    public static final int ELLIPSOID_POINT = 2;

    /** An ellipsoid point. */
    public static LocationInfo point(double latitude, double longitude, Velocity velocity) {
        return new LocationInfo(List.of(latitude), List.of(longitude), null, null, ELLIPSOID_POINT, velocity);
    }

    /**
     * Velocity of the target (MEC 013 {@code Velocity}); {@code velocityType} 1 = horizontal, speeds in km/h.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Velocity(Integer velocityType, Integer bearing, Integer horizontalSpeed) {
        public static Velocity horizontal(double bearingDegrees, double metresPerSecond) {
            return new Velocity(1, (int) Math.round(bearingDegrees) % 360, (int) Math.round(metresPerSecond * 3.6));
        }
    }
}
