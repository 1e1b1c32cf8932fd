package org.oneedge.mec.platform.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Spatial index of access points: a uniform grid whose buckets list the cells whose coverage circle touches the
 * bucket, so that measuring a UE only looks at the few cells that can reach it (the emulator measures every UE on
 * every tick). Built once; lookups allocate nothing.
 */
final class CellGrid {

    private static final int[] NONE = new int[0];

    private final double minX;
    private final double minY;
    private final double bucketSize;
    private final int columns;
    private final int rows;
    private final int[][] buckets;

    CellGrid(List<EmulatedAccessPoint> cells) {
        double lx = Double.MAX_VALUE, ly = Double.MAX_VALUE, hx = -Double.MAX_VALUE, hy = -Double.MAX_VALUE;
        double maxRadius = 1;
        for (EmulatedAccessPoint c : cells) {
            lx = Math.min(lx, c.x() - c.coverageRadius());
            ly = Math.min(ly, c.y() - c.coverageRadius());
            hx = Math.max(hx, c.x() + c.coverageRadius());
            hy = Math.max(hy, c.y() + c.coverageRadius());
            maxRadius = Math.max(maxRadius, c.coverageRadius());
        }
        minX = lx;
        minY = ly;
        bucketSize = maxRadius / 2;
        columns = Math.max(1, (int) Math.ceil((hx - lx) / bucketSize));
        rows = Math.max(1, (int) Math.ceil((hy - ly) / bucketSize));
        List<List<Integer>> lists = new ArrayList<>(columns * rows);
        for (int i = 0; i < columns * rows; i++) {
            lists.add(new ArrayList<>());
        }
        for (EmulatedAccessPoint c : cells) {
            int c0 = column(c.x() - c.coverageRadius()), c1 = column(c.x() + c.coverageRadius());
            int r0 = row(c.y() - c.coverageRadius()), r1 = row(c.y() + c.coverageRadius());
            for (int col = c0; col <= c1; col++) {
                for (int row = r0; row <= r1; row++) {
                    lists.get(row * columns + col).add(c.index());
                }
            }
        }
        buckets = new int[columns * rows][];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private int column(double x) {
        return Math.max(0, Math.min(columns - 1, (int) Math.floor((x - minX) / bucketSize)));
    }

    private int row(double y) {
        return Math.max(0, Math.min(rows - 1, (int) Math.floor((y - minY) / bucketSize)));
    }

    /** Indexes of the cells that may cover (x, y); the caller must still check the distance. */
    int[] candidates(double x, double y) {
        double cx = (x - minX) / bucketSize, cy = (y - minY) / bucketSize;
        if (cx < 0 || cy < 0 || cx >= columns || cy >= rows) {
            return NONE;
        }
        return buckets[(int) cy * columns + (int) cx];
    }
}
