package org.oneedge.mec.platform.emulator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mutable state of one UE inside the {@link Emulator}: where it is on its path, its shadowing and the cells it
 * measured this tick, and the handover bookkeeping. Only touched under the emulator's lock; arrays are allocated once
 * so that a tick allocates nothing for a UE that produces no event.
 */
final class UeState {

    final Scenario.Ue spec;
    final int index;
    final long startTick;
    final double speed;
    final SplittableRandom random;

    private final double[] px;
    private final double[] py;
    /** Cumulative length at each waypoint; for LOOP the closing segment back to the first waypoint is appended. */
    private final double[] cumulative;
    private final double length;
    private double pathPosition;
    private int direction = 1;
    private int segment;

    double x;
    double y;
    double currentSpeed;
    double bearing;
    double movedThisTick;

    final double[] rsrp;
    final double[] shadow;
    final boolean[] shadowInitialised;
    final int[] measured;
    int measuredCount;

    /** QoS of the UE's E-RAB and the index of the next scheduled change in {@code spec.qos()}. */
    BearerQos bearerQos = BearerQos.DEFAULT;
    int nextQosChange;
    /** Secondary cells (carrier aggregation), strongest first: the first {@code secondaryCount} entries. */
    int[] secondary = new int[0];
    int secondaryCount;
    /** The primary (serving) cell the secondary cells were configured with, {@code null} when none. */
    String secondaryPrimary;

    int serving = -1;
    int candidate = -1;
    long candidateSince;
    long nextReportTick;
    boolean positionPublished;

    UeState(Scenario.Ue spec, int index, GeoFrame geo, int cellCount, long seed, long startTick, long firstReportTick) {
        this.spec = spec;
        this.index = index;
        this.startTick = startTick;
        this.speed = spec.speed();
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L * (index + 1));
        boolean loop = spec.mode() == Scenario.PathMode.LOOP && spec.path().size() > 1;
        int n = spec.path().size() + (loop ? 1 : 0);
        px = new double[n];
        py = new double[n];
        for (int i = 0; i < spec.path().size(); i++) {
            px[i] = geo.x(spec.path().get(i));
            py[i] = geo.y(spec.path().get(i));
        }
        if (loop) {
            px[n - 1] = px[0];
            py[n - 1] = py[0];
        }
        cumulative = new double[n];
        for (int i = 1; i < n; i++) {
            cumulative[i] = cumulative[i - 1] + Math.hypot(px[i] - px[i - 1], py[i] - py[i - 1]);
        }
        length = cumulative[n - 1];
        x = px[0];
        y = py[0];
        rsrp = new double[cellCount];
        Arrays.fill(rsrp, Double.NaN);
        shadow = new double[cellCount];
        shadowInitialised = new boolean[cellCount];
        measured = new int[cellCount];
        nextReportTick = firstReportTick;
    }

    String id() {
        return spec.id();
    }

    /** Moves the UE for one tick of {@code dt} seconds; returns whether it moved. */
    boolean move(long tick, double dt) {
        movedThisTick = 0;
        if (tick < startTick || speed <= 0 || length <= 0) {
            currentSpeed = 0;
            return false;
        }
        double step = speed * dt;
        double before = pathPosition;
        switch (spec.mode()) {
            case LOOP -> pathPosition = (pathPosition + step) % length;
            case STOP -> pathPosition = Math.min(length, pathPosition + step);
            case REVERSE -> {
                pathPosition += direction * step;
                while (pathPosition > length || pathPosition < 0) {
                    if (pathPosition > length) {
                        pathPosition = 2 * length - pathPosition;
                        direction = -1;
                    } else {
                        pathPosition = -pathPosition;
                        direction = 1;
                    }
                }
            }
        }
        if (before == pathPosition) {
            currentSpeed = 0;
            return false;
        }
        double oldX = x, oldY = y;
        locate();
        double dx = x - oldX, dy = y - oldY;
        movedThisTick = Math.hypot(dx, dy);
        currentSpeed = speed;
        if (movedThisTick > 0) {
            double deg = Math.toDegrees(Math.atan2(dx, dy));
            bearing = deg < 0 ? deg + 360 : deg;
        }
        return true;
    }

    private void locate() {
        while (segment < cumulative.length - 2 && pathPosition > cumulative[segment + 1]) {
            segment++;
        }
        while (segment > 0 && pathPosition < cumulative[segment]) {
            segment--;
        }
        double segLength = cumulative[segment + 1] - cumulative[segment];
        double f = segLength == 0 ? 0 : (pathPosition - cumulative[segment]) / segLength;
        x = px[segment] + f * (px[segment + 1] - px[segment]);
        y = py[segment] + f * (py[segment + 1] - py[segment]);
    }
}
