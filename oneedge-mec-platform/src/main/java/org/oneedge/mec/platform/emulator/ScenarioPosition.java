package org.oneedge.mec.platform.emulator;

/**
 * A position as written in a scenario file: either local {@code x}/{@code y} metres from the scenario origin
 * ({@code x} east, {@code y} north) or WGS84 {@code latitude}/{@code longitude}; {@link GeoFrame} turns both into
 * metres for the emulator.
 *
 * @param x         metres east of the origin, or {@code null} when latitude/longitude are given
 * @param y         metres north of the origin, or {@code null} when latitude/longitude are given
 * @param latitude  degrees, or {@code null} when x/y are given
 * @param longitude degrees, or {@code null} when x/y are given
 */
public record ScenarioPosition(Double x, Double y, Double latitude, Double longitude) {

    public ScenarioPosition {
        boolean local = x != null && y != null;
        boolean geo = latitude != null && longitude != null;
        if (local == geo) {
            throw new IllegalArgumentException("a position needs either x and y (metres) or latitude and longitude");
        }
        if (geo && (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180)) {
            throw new IllegalArgumentException("latitude/longitude out of range: " + latitude + "," + longitude);
        }
    }

    /** A local position in metres from the origin. */
    public static ScenarioPosition metres(double x, double y) {
        return new ScenarioPosition(x, y, null, null);
    }

    /** A WGS84 position. */
    public static ScenarioPosition geo(double latitude, double longitude) {
        return new ScenarioPosition(null, null, latitude, longitude);
    }
}
