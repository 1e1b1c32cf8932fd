package org.oneedge.interworking.location;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The geofence of a {@code <locationPolicy>} with {@code lit} 2 (locationInformationType Geofence_event, TS-0001
 * 10.2.9, TS-0004 7.4.11): the area {@code gta} (geographicalTargetArea, an {@code m2m:geoCoordinates} Polygon,
 * {@code typ} 3, {@code crd} GeoJSON {@code [[[lon,lat],...]]}; the outer ring counts) and the criteria {@code gec}
 * (geofenceEventCriteria: 1 Entering, 2 Leaving, 3 Inside, 4 Outside; none = Entering and Leaving).
 *
 * @param area     vertices of the outer ring; fewer than three = the policy's {@code gta} is unusable
 * @param criteria {@code gec}, or null
 */
record Geofence(List<Vertex> area, Integer criteria) {

    static final int ENTERING = 1;
    static final int LEAVING = 2;
    static final int INSIDE = 3;
    static final int OUTSIDE = 4;
    /** {@code lit} value asking for geofence events rather than positions. */
    static final int GEOFENCE_EVENT = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One corner of the area, in degrees. */
    record Vertex(double longitude, double latitude) {
    }

    Geofence {
        area = List.copyOf(area);
    }

    /** The geofence of a policy representation with {@code lit} 2, or empty for a position-fix policy. */
    static Optional<Geofence> of(JsonNode lcp) {
        if (lcp.path("lit").asInt(1) != GEOFENCE_EVENT) {
            return Optional.empty();
        }
        JsonNode gec = lcp.get("gec");
        Integer criteria = gec == null || !gec.canConvertToInt() || gec.asInt() < ENTERING || gec.asInt() > OUTSIDE
                ? null : gec.asInt();
        return Optional.of(new Geofence(ring(lcp.get("gta")), criteria));
    }

    /** The outer ring of a Polygon {@code m2m:geoCoordinates}; empty when it is none. */
    private static List<Vertex> ring(JsonNode gta) {
        List<Vertex> vertices = new ArrayList<>();
        if (gta == null || gta.path("typ").asInt() != 3) {
            return vertices;
        }
        JsonNode crd = gta.get("crd");
        try {
            JsonNode rings = crd != null && crd.isTextual() ? JSON.readTree(crd.asText()) : crd;
            if (rings == null || !rings.path(0).isArray()) {
                return vertices;
            }
            for (JsonNode point : rings.get(0)) {
                if (point.size() >= 2 && point.get(0).isNumber() && point.get(1).isNumber()) {
                    vertices.add(new Vertex(point.get(0).asDouble(), point.get(1).asDouble()));
                }
            }
        } catch (IOException e) {
            vertices.clear();
        }
        return vertices;
    }

    /** Whether {@code gta} describes an area. */
    boolean usable() {
        return area.size() >= 3;
    }

    /** Whether the point lies inside the area (even-odd rule over the ring, GeoJSON order). */
    boolean contains(double longitude, double latitude) {
        boolean inside = false;
        for (int i = 0, j = area.size() - 1; i < area.size(); j = i++) {
            Vertex a = area.get(i);
            Vertex b = area.get(j);
            if ((a.latitude() > latitude) != (b.latitude() > latitude)
                    && longitude < (b.longitude() - a.longitude()) * (latitude - a.latitude())
                    / (b.latitude() - a.latitude()) + a.longitude()) {
                inside = !inside;
            }
        }
        return inside;
    }

    /**
     * The event to report for this observation, or empty: Entering/Leaving on a crossing since the previous
     * observation ({@code wasInside} null = none yet, so no crossing), Inside/Outside on every observation in that
     * state.
     */
    Optional<Integer> event(Boolean wasInside, boolean inside) {
        boolean entered = Boolean.FALSE.equals(wasInside) && inside;
        boolean left = Boolean.TRUE.equals(wasInside) && !inside;
        if (criteria == null) {
            return entered ? Optional.of(ENTERING) : left ? Optional.of(LEAVING) : Optional.empty();
        }
        boolean met = switch (criteria) {
            case ENTERING -> entered;
            case LEAVING -> left;
            case INSIDE -> inside;
            default -> !inside;
        };
        return met ? Optional.of(criteria) : Optional.empty();
    }
}
