package org.oneedge.mec.platform.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmulatorTest {

    private static List<EmulatorEvent> run(Emulator emulator, Duration d) {
        List<EmulatorEvent> events = new ArrayList<>();
        emulator.addListener(events::add);
        emulator.advance(d);
        return events;
    }

    @Test
    void default_scenario_has_three_hosts_six_cells_and_moving_devices() {
        Scenario s = ScenarioLoader.defaultScenario();
        assertThat(s.mecHosts()).extracting(Scenario.MecHost::name)
                .containsExactly("mec-host-1", "mec-host-2", "mec-host-3");
        assertThat(s.accessPoints()).hasSize(6);
        assertThat(s.accessPoints()).extracting(Scenario.AccessPoint::type)
                .contains(AccessPointType.LTE_4G, AccessPointType.NR_5G, AccessPointType.WIFI);
        assertThat(s.ues()).anyMatch(u -> u.speed() > 0 && u.mode() == Scenario.PathMode.REVERSE);
    }

    @Test
    void car_on_default_road_hands_over_and_changes_zone_and_host_in_order() {
        try (Emulator emulator = Emulator.builder(ScenarioLoader.defaultScenario()).build()) {
            List<EmulatorEvent> events = run(emulator, Duration.ofMinutes(4));
            List<EmulatorEvent> car = events.stream().filter(e -> e.ueId().equals("acr:10.0.0.1")).toList();
            assertThat(car).filteredOn(e -> e instanceof EmulatorEvent.CellChange c
                    && c.reason() == EmulatorEvent.CellChangeReason.HANDOVER).isNotEmpty();
            List<String> hosts = car.stream().filter(e -> e instanceof EmulatorEvent.HostChange)
                    .map(e -> ((EmulatorEvent.HostChange) e).targetHost()).toList();
            assertThat(hosts).startsWith("mec-host-1", "mec-host-2", "mec-host-3");
            int exit = indexOf(car, EmulatorEvent.ZoneExit.class);
            assertThat(exit).isPositive();
            assertThat(car.get(exit - 1)).isInstanceOf(EmulatorEvent.CellChange.class);
            assertThat(car.get(exit + 1)).isInstanceOf(EmulatorEvent.ZoneEnter.class);
            assertThat(car.get(exit + 2)).isInstanceOf(EmulatorEvent.HostChange.class);
        }
    }

    private static int indexOf(List<EmulatorEvent> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void ue_moves_along_its_path_at_its_speed_and_turns_back() {
        try (Emulator emulator = Emulator.builder(ScenarioLoader.parse(EmulatedMec.SCENARIO)).build()) {
            emulator.advance(Duration.ofSeconds(10));
            UeView car = emulator.ue("acr:10.0.0.1").orElseThrow();
            assertThat(car.x()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(car.speed()).isEqualTo(20.0);
            assertThat(car.bearing()).isCloseTo(90.0, org.assertj.core.data.Offset.offset(1e-6));
            emulator.advance(Duration.ofSeconds(80)); // 1800 m: 1400 out, 400 back
            assertThat(emulator.ue("acr:10.0.0.1").orElseThrow().x())
                    .isCloseTo(900.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(emulator.ue("acr:10.0.0.2").orElseThrow().servingCellId()).isEqualTo("cell-a1");
        }
    }

    @Test
    void latitude_and_longitude_follow_the_metre_frame() {
        GeoFrame geo = new GeoFrame(43.6, 7.0);
        double lat = geo.latitudeOf(1000), lon = geo.longitudeOf(1000);
        assertThat(geo.yOf(lat)).isCloseTo(1000.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(geo.xOf(lon)).isCloseTo(1000.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(lat - 43.6).isCloseTo(0.008993, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void refuses_scenario_with_access_point_in_unknown_zone() {
        String yaml = EmulatedMec.SCENARIO.replace("zone: zone-b }", "zone: zone-x }");
        assertThatThrownBy(() -> ScenarioLoader.parse(yaml))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zone-x");
    }

    @Test
    void refuses_scenario_with_misspelt_key() {
        String yaml = EmulatedMec.SCENARIO.replace("speed: 20", "sped: 20");
        assertThatThrownBy(() -> ScenarioLoader.parse(yaml))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sped");
    }

    @Test
    void measurement_indices_follow_3gpp_reporting_ranges() {
        CellMeasurement m = new CellMeasurement("c", -100.5, -10.8, 13.2);
        assertThat(m.rsrpIndex()).isEqualTo(40);
        assertThat(m.rsrqIndex()).isEqualTo(18);
        assertThat(new CellMeasurement("c", -150, -30, -40).rsrpIndex()).isZero();
        assertThat(new CellMeasurement("c", -20, 0, 60).sinrIndex()).isEqualTo(127);
    }

    @Test
    void runs_in_the_background_at_an_accelerated_clock_until_stopped() {
        try (Emulator emulator = Emulator.builder(ScenarioLoader.parse(EmulatedMec.SCENARIO))
                .config(EmulatorConfig.builder().speedFactor(50).build()).build()) {
            emulator.start();
            org.awaitility.Awaitility.await().until(() -> emulator.elapsed().compareTo(Duration.ofSeconds(20)) > 0);
            emulator.stop();
            long ticks = emulator.ticks();
            assertThat(emulator.isRunning()).isFalse();
            assertThat(emulator.positionUpdates()).isGreaterThanOrEqualTo(200);
            assertThat(emulator.ue("acr:10.0.0.1").orElseThrow().x()).isGreaterThan(300);
            assertThatThrownBy(() -> {
                emulator.start();
                emulator.advance(Duration.ofSeconds(1));
            }).isInstanceOf(IllegalStateException.class);
            emulator.stop();
            assertThat(emulator.ticks()).isGreaterThanOrEqualTo(ticks);
        }
    }

    private static final String TWO_CELLS = """
            name: two-cells
            radio: { shadowingSigmaDb: 0%s }
            mecHosts: [ { name: h, zones: [z] } ]
            zones: [ { id: z } ]
            accessPoints:
              - { id: c1, type: 4G, position: { x: 0, y: 0 }, zone: z }
              - { id: c2, type: 4G, position: { x: 400, y: 0 }, zone: z }
            ues:
              - id: "acr:10.0.0.9"
                speed: 20
                mode: STOP
                path: [ { x: 0, y: 5 }, { x: 1200, y: 5 } ]
                qos: [ { at: PT2S, qci: 1, gbrDl: 64, gbrUl: 64, mbrDl: 128, mbrUl: 128 }, { at: PT4S, qci: 9 } ]
            """;

    @Test
    void scheduled_qos_changes_and_secondary_cells_come_as_events_and_in_the_ue_view() {
        try (Emulator emulator = Emulator.builder(ScenarioLoader.parse(TWO_CELLS.formatted(""))).build()) {
            List<EmulatorEvent> events = new ArrayList<>();
            emulator.addListener(events::add);
            emulator.advance(Duration.ofSeconds(3));
            List<EmulatorEvent.BearerQosChange> qos = events.stream()
                    .filter(e -> e instanceof EmulatorEvent.BearerQosChange)
                    .map(e -> (EmulatorEvent.BearerQosChange) e).toList();
            assertThat(qos).singleElement().satisfies(q -> {
                assertThat(q.previous()).isEqualTo(BearerQos.DEFAULT);
                assertThat(q.current()).isEqualTo(new BearerQos(1, 64, 64, 128, 128));
                assertThat(q.servingCellId()).isEqualTo("c1");
            });
            assertThat(emulator.ue("acr:10.0.0.9").orElseThrow().bearerQos().qci()).isEqualTo(1);

            emulator.advance(Duration.ofSeconds(57));
            List<EmulatorEvent.SecondaryCellChange> ca = events.stream()
                    .filter(e -> e instanceof EmulatorEvent.SecondaryCellChange)
                    .map(e -> (EmulatorEvent.SecondaryCellChange) e).toList();
            // c2 reaches -105 dBm about 268 m away; after the handover c1 serves as secondary until -115 dBm
            assertThat(ca).extracting(c -> c.primaryCellId() + "+" + c.added() + "-" + c.removed())
                    .containsExactly("c1+[c2]-[]", "c2+[c1]-[c2]", "c2+[]-[c1]");
            assertThat(ca.get(0).secondaryCellIds()).containsExactly("c2");
            assertThat(emulator.ue("acr:10.0.0.9").orElseThrow().secondaryCellIds()).isEmpty();
            assertThat(emulator.ue("acr:10.0.0.9").orElseThrow().bearerQos()).isEqualTo(BearerQos.DEFAULT);
        }
    }

    @Test
    void carrier_aggregation_can_be_turned_off() {
        try (Emulator emulator = Emulator.builder(ScenarioLoader.parse(TWO_CELLS.formatted(
                ", maxSecondaryCells: 0"))).build()) {
            assertThat(run(emulator, Duration.ofSeconds(60)))
                    .noneMatch(e -> e instanceof EmulatorEvent.SecondaryCellChange)
                    .anyMatch(e -> e instanceof EmulatorEvent.CellChange c && "c2".equals(c.targetCellId()));
        }
    }

    @Test
    void refuses_scenario_with_incomplete_or_unordered_qos_changes() {
        String base = TWO_CELLS.formatted("");
        assertThatThrownBy(() -> ScenarioLoader.parse(base.replace("qci: 1, gbrDl: 64, gbrUl: 64,", "qci: 1,")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all or none");
        assertThatThrownBy(() -> ScenarioLoader.parse(base.replace("qci: 9", "qci: 0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qci must be 1..254");
        assertThatThrownBy(() -> ScenarioLoader.parse(base.replace("at: PT4S", "at: PT1S")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time order");
        assertThatThrownBy(() -> ScenarioLoader.parse(base.replace("shadowingSigmaDb: 0",
                "shadowingSigmaDb: 0, scellAddRsrpDbm: -120, scellRemoveRsrpDbm: -110")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scellRemoveRsrpDbm");
    }
}
