package org.oneedge.mec.platform.emulator;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the emulator over random seeds and UE speeds. */
class EmulatorProperties {

    private static Scenario scenario(double speed, double sigma) {
        return ScenarioLoader.parse(EmulatedMec.SCENARIO.replace("speed: 20", "speed: " + speed)
                .replace("shadowingSigmaDb: 2", "shadowingSigmaDb: " + sigma));
    }

    private static List<EmulatorEvent> run(Scenario scenario, long seed, Duration tick, Duration duration) {
        List<EmulatorEvent> events = new ArrayList<>();
        try (Emulator emulator = Emulator.builder(scenario).config(EmulatorConfig.builder().seed(seed).tick(tick)
                .measurementInterval(tick).clock(java.time.Clock.fixed(java.time.Instant.EPOCH,
                        java.time.ZoneOffset.UTC)).build()).build()) {
            emulator.addListener(events::add);
            emulator.advance(duration);
        }
        return events;
    }

    @Property(tries = 10)
    void same_seed_and_scenario_give_the_same_events(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                     @ForAll @DoubleRange(min = 1, max = 40) double speed) {
        Scenario s = scenario(speed, 6);
        Duration tick = Duration.ofMillis(100);
        List<EmulatorEvent> first = run(s, seed, tick, Duration.ofSeconds(60));
        List<EmulatorEvent> second = run(s, seed, tick, Duration.ofSeconds(60));
        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Property(tries = 10)
    void serving_cell_changes_only_after_neighbour_stays_better_by_hysteresis_for_time_to_trigger(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = 5, max = 40) double speed) {
        Scenario s = scenario(speed, 6);
        Duration tick = Duration.ofMillis(100);
        double hysteresis = s.radio().hysteresisDb();
        Duration ttt = s.radio().timeToTrigger();
        List<EmulatorEvent> events = run(s, seed, tick, Duration.ofSeconds(150));
        // periodic reports every tick: the measurements seen before each decision
        Map<String, List<EmulatorEvent.MeasurementReport>> reports = new HashMap<>();
        int handovers = 0;
        for (EmulatorEvent e : events) {
            if (e instanceof EmulatorEvent.MeasurementReport r
                    && r.trigger() == EmulatorEvent.ReportTrigger.PERIODICAL) {
                reports.computeIfAbsent(r.ueId(), k -> new ArrayList<>()).add(r);
            }
            if (e instanceof EmulatorEvent.CellChange c
                    && c.reason() == EmulatorEvent.CellChangeReason.HANDOVER) {
                handovers++;
                List<EmulatorEvent.MeasurementReport> history = reports.get(c.ueId());
                // every tick within the time-to-trigger before the change (inclusive) shows target ≥ source + hyst
                List<EmulatorEvent.MeasurementReport> window = history.stream()
                        .filter(r -> !r.time().isBefore(c.time().minus(ttt)) && !r.time().isAfter(c.time()))
                        .toList();
                assertThat(window).hasSizeGreaterThanOrEqualTo((int) (ttt.toMillis() / tick.toMillis()));
                for (EmulatorEvent.MeasurementReport r : window) {
                    assertThat(r.servingCellId()).isEqualTo(c.sourceCellId());
                    double source = rsrp(r, c.sourceCellId());
                    double target = rsrp(r, c.targetCellId());
                    assertThat(target).as("%s at %s", c, r.time()).isGreaterThanOrEqualTo(source + hysteresis);
                }
            }
        }
        assertThat(handovers).isPositive();
    }

    private static double rsrp(EmulatorEvent.MeasurementReport r, String cell) {
        return r.measurements().stream().filter(m -> m.cellId().equals(cell)).findFirst()
                .map(CellMeasurement::rsrpDbm).orElse(Double.NEGATIVE_INFINITY);
    }
}
