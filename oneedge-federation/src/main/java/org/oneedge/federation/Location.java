package org.oneedge.federation;

/**
 * Where a node is: WGS84 latitude/longitude in degrees and the MEC zone it serves (MEC 013 {@code zoneId});
 * any part may be unknown (null).
 */
public record Location(Double latitude, Double longitude, String zone) {

    public static final Location UNKNOWN = new Location(null, null, null);

    private static final double EARTH_RADIUS_KM = 6371.0088;

    public Location {
        if (latitude != null && (latitude < -90 || latitude > 90 || latitude.isNaN())) {
            throw new IllegalArgumentException("latitude must be within -90..90, was " + latitude);
        }
        if (longitude != null && (longitude < -180 || longitude > 180 || longitude.isNaN())) {
            throw new IllegalArgumentException("longitude must be within -180..180, was " + longitude);
        }
    }

    public boolean hasPoint() {
        return latitude != null && longitude != null;
    }

    /** Great-circle (haversine) distance in km; both locations must have a point. */
    public double distanceKm(Location other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
