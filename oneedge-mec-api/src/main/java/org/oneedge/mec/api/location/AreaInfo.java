package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The area a {@link UserAreaSubscription} watches (MEC 013 6.5.7): a circle (shape 1, one centre point and a radius
 * in metres) or a polygon (shape 2, 3 to 15 corner points).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AreaInfo(List<Point> points, Integer radius, Integer shape) {

    public static final int CIRCLE = 1;
    public static final int POLYGON = 2;

    public AreaInfo {
        if (shape == null || (shape != CIRCLE && shape != POLYGON)) {
            throw new IllegalArgumentException("areaDefine.shape must be 1 (CIRCLE) or 2 (POLYGON)");
        }
        if (points == null || points.isEmpty()) {
            throw new IllegalArgumentException("areaDefine.points is required");
        }
        if (shape == CIRCLE && (points.size() != 1 || radius == null || radius <= 0)) {
            throw new IllegalArgumentException("a CIRCLE areaDefine has exactly one point and a positive radius");
        }
        if (shape == POLYGON && (points.size() < 3 || points.size() > 15)) {
            throw new IllegalArgumentException("a POLYGON areaDefine has 3 to 15 points");
        }
        points = List.copyOf(points);
    }

    public static AreaInfo circle(Point centre, int radiusMetres) {
        return new AreaInfo(List.of(centre), radiusMetres, CIRCLE);
    }
}
