package org.oneedge.mec.platform.emulator;

import java.time.Instant;
import java.util.List;

/**
 * Something that happened to a UE in the emulated network; the MEC services (RNIS, Location, AMS) turn these into
 * ETSI notifications. Within one tick a UE's events come in this order: {@link PositionUpdate}, periodic
 * {@link MeasurementReport}, a scheduled {@link BearerQosChange}, then on a cell change the A3
 * {@link MeasurementReport}, {@link CellChange}, {@link ZoneExit}, {@link ZoneEnter} and {@link HostChange}, and last
 * a {@link SecondaryCellChange} when the UE's carrier aggregation set changed.
 */
public sealed interface EmulatorEvent {

    /** Emulated time of the event. */
    Instant time();

    /** Id (address) of the UE concerned. */
    String ueId();

    /** The UE moved. */
    record PositionUpdate(Instant time, String ueId, double x, double y, double latitude, double longitude,
                          double speed) implements EmulatorEvent {
    }

    /**
     * A UE measurement report: serving cell first, then the measurable neighbours strongest first (3GPP TS 36.331
     * measurement report, MEC 012 {@code MeasRepUeNotification}).
     *
     * @param servingCellId id of the serving access point, {@code null} when detached
     * @param trigger       why the report was sent
     * @param measurements  serving cell (if any) then neighbours
     */
    record MeasurementReport(Instant time, String ueId, String servingCellId, ReportTrigger trigger,
                             List<CellMeasurement> measurements) implements EmulatorEvent {
        public MeasurementReport {
            measurements = List.copyOf(measurements);
        }
    }

    /**
     * The serving access point changed.
     *
     * @param sourceCellId previous serving access point, {@code null} on first attach
     * @param targetCellId new serving access point, {@code null} when the UE lost coverage
     * @param reason       what caused it
     */
    record CellChange(Instant time, String ueId, String sourceCellId, String targetCellId, CellChangeReason reason)
            implements EmulatorEvent {
    }

    /** The UE entered a zone (its serving access point is now in that zone). */
    record ZoneEnter(Instant time, String ueId, String zoneId, String accessPointId) implements EmulatorEvent {
    }

    /** The UE left a zone; {@code accessPointId} is the access point it was on. */
    record ZoneExit(Instant time, String ueId, String zoneId, String accessPointId) implements EmulatorEvent {
    }

    /**
     * The MEC host serving the UE changed because its serving cell moved to another host's zone.
     *
     * @param sourceHost previous host, {@code null} on first attach
     * @param targetHost new host, {@code null} when the UE lost coverage
     */
    record HostChange(Instant time, String ueId, String sourceHost, String targetHost) implements EmulatorEvent {
    }

    /**
     * The QoS of the UE's E-RAB changed as its scenario schedules ({@link Scenario.QosChange}); an E-RAB modification
     * (TS 36.413 8.2.2) when the UE is attached, otherwise only what the next bearer set-up will use.
     *
     * @param servingCellId serving access point, {@code null} when detached
     * @param previous      QoS before
     * @param current       QoS from now on
     */
    record BearerQosChange(Instant time, String ueId, String servingCellId, BearerQos previous, BearerQos current)
            implements EmulatorEvent {
    }

    /**
     * The UE's secondary cells (LTE carrier aggregation, TS 36.331 5.3.10.3b SCell addition/release) changed: cells
     * added and removed, the set now configured, and what the UE measures.
     *
     * @param primaryCellId   serving (primary) cell the set belongs to; the previous one when the UE left it
     * @param secondaryCellIds secondary cells configured now, strongest first (empty: no aggregation)
     * @param added           secondary cells added
     * @param removed         secondary cells released
     * @param measurements    serving cell first, then the measurable neighbours strongest first
     */
    record SecondaryCellChange(Instant time, String ueId, String primaryCellId, List<String> secondaryCellIds,
                               List<String> added, List<String> removed, List<CellMeasurement> measurements)
            implements EmulatorEvent {
        public SecondaryCellChange {
            secondaryCellIds = List.copyOf(secondaryCellIds);
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            measurements = List.copyOf(measurements);
        }
    }

    /** Why a measurement report was sent. */
    enum ReportTrigger {
        /** Sent every measurement interval (MEC 012 trigger 1, PERIODICAL_REPORT_STRONGEST_CELLS). */
        PERIODICAL,
        /** Neighbour better than serving by the hysteresis for the time-to-trigger (MEC 012 trigger 12, EVENT_A3). */
        EVENT_A3
    }

    /** Why the serving cell changed. */
    enum CellChangeReason {
        /** The UE had no serving cell and found one. */
        INITIAL_ATTACH,
        /** A3 handover: a neighbour stayed better by the hysteresis for the time-to-trigger. */
        HANDOVER,
        /** The serving cell went out of range; the UE re-selected the strongest cell at once. */
        RADIO_LINK_FAILURE,
        /** The serving cell went out of range and no other cell can be measured. */
        COVERAGE_LOST
    }
}
