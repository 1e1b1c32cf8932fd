package org.oneedge.mec.platform.emulator;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one UE taken under the emulator's lock, for queries (MEC 012 {@code rab_info}, MEC 013
 * {@code users}, distance): where it is, what serves it and what it measures.
 *
 * @param id            address of the UE
 * @param time          emulated time of the snapshot
 * @param x             metres east of the origin
 * @param y             metres north of the origin
 * @param latitude      WGS84 latitude
 * @param longitude     WGS84 longitude
 * @param speed         current speed, m/s (0 while waiting for its start time or stopped)
 * @param bearing       direction of travel, degrees clockwise from north (0..360)
 * @param servingCellId serving access point, {@code null} when detached
 * @param zoneId        zone of the serving access point, {@code null} when detached
 * @param hostName      MEC host serving the UE, {@code null} when detached
 * @param measurements  serving cell first, then measurable neighbours strongest first
 * @param bearerQos     QoS of the UE's E-RAB
 * @param secondaryCellIds secondary cells aggregated with the serving cell (carrier aggregation), strongest first
 */
public record UeView(String id, Instant time, double x, double y, double latitude, double longitude, double speed,
                     double bearing, String servingCellId, String zoneId, String hostName,
                     List<CellMeasurement> measurements, BearerQos bearerQos, List<String> secondaryCellIds) {

    public UeView {
        measurements = List.copyOf(measurements);
        secondaryCellIds = List.copyOf(secondaryCellIds);
    }

    public boolean attached() {
        return servingCellId != null;
    }
}
