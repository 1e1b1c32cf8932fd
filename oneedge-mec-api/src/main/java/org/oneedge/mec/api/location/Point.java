package org.oneedge.mec.api.location;

/** A geographic point in degrees (MEC 013 6.5.8 {@code Point}). */
public record Point(Double latitude, Double longitude) {

    public Point {
        if (latitude == null || latitude < -90 || latitude > 90) {
            throw new IllegalArgumentException("point latitude must be in -90..90");
        }
        if (longitude == null || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("point longitude must be in -180..180");
        }
    }
}
