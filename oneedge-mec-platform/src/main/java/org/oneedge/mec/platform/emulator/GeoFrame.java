package org.oneedge.mec.platform.emulator;

/**
 * Maps the emulator's flat metre coordinates to WGS84 latitude/longitude and back (equirectangular projection around
 * the scenario origin, accurate to well under a metre over the few kilometres a scenario spans), because MEC 013
 * reports positions as latitude/longitude while the radio model works in metres.
 *
 * @param originLatitude  latitude of x = 0, y = 0
 * @param originLongitude longitude of x = 0, y = 0
 */
public record GeoFrame(double originLatitude, double originLongitude) {

    /** Metres per degree of latitude (mean Earth radius 6 371 008.8 m). */
    public static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180.0;

    public GeoFrame {
        if (originLatitude < -89 || originLatitude > 89 || originLongitude < -180 || originLongitude > 180) {
            throw new IllegalArgumentException("origin out of range: " + originLatitude + "," + originLongitude);
        }
    }

    private double metresPerDegreeLongitude() {
        return METRES_PER_DEGREE * Math.cos(Math.toRadians(originLatitude));
    }

    public double latitudeOf(double y) {
        return originLatitude + y / METRES_PER_DEGREE;
    }

    public double longitudeOf(double x) {
        return originLongitude + x / metresPerDegreeLongitude();
    }

    public double xOf(double longitude) {
        return (longitude - originLongitude) * metresPerDegreeLongitude();
    }

    public double yOf(double latitude) {
        return (latitude - originLatitude) * METRES_PER_DEGREE;
    }

    /** The x coordinate (metres east) of a scenario position. */
    public double x(ScenarioPosition p) {
        return p.x() != null ? p.x() : xOf(p.longitude());
    }

    /** The y coordinate (metres north) of a scenario position. */
    public double y(ScenarioPosition p) {
        return p.y() != null ? p.y() : yOf(p.latitude());
    }
}
