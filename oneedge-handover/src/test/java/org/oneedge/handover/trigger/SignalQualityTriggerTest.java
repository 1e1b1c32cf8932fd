package org.oneedge.handover.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.MutableClock;
import org.oneedge.handover.registry.InMemoryServingRegistry;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.mec.api.rni.AssociateId;
import org.oneedge.mec.api.rni.Ecgi;
import org.oneedge.mec.api.rni.EutranNeighbourCellMeasInfo;
import org.oneedge.mec.api.rni.MeasRepUeNotification;
import org.oneedge.mec.api.rni.Trigger;

/** A3-like evaluation of MEC 012 measurement reports with hysteresis and time-to-trigger on a fake clock. */
class SignalQualityTriggerTest {

    private static final Map<String, String> HOST_CSE = Map.of("A1", "/id-mn1", "A2", "/id-mn1", "B1", "/id-mn2",
            "C1", "/id-mn3");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryServingRegistry registry = new InMemoryServingRegistry();
    private final SignalQualityTrigger trigger = new SignalQualityTrigger(
            new SignalQualityTrigger.Config(SignalQualityTrigger.Quantity.RSRP, 3, 0, Duration.ofMillis(640)), clock,
            cell -> Optional.ofNullable(HOST_CSE.get(cell)), device -> List.of("C" + device.replace('.', '_')),
            registry);

    {
        registry.compareAndSet("C10_0_0_1", ServingRegistry.ABSENT, ServingEntry.registered("C10_0_0_1", "/id-mn1"));
    }

    /** A report from UE 10.0.0.1 served by {@code serving} at RSRP index {@code rsrp}; neighbours as cell, index. */
    private static MeasRepUeNotification report(String serving, int rsrp, Object... neighbours) {
        List<EutranNeighbourCellMeasInfo> n = new java.util.ArrayList<>();
        for (int i = 0; i < neighbours.length; i += 2) {
            n.add(new EutranNeighbourCellMeasInfo(new Ecgi(null, (String) neighbours[i]), (Integer) neighbours[i + 1],
                    null, null, null, null));
        }
        return new MeasRepUeNotification(MeasRepUeNotification.TYPE, null, List.of(AssociateId.ipv4("10.0.0.1")),
                new Ecgi(null, serving), rsrp, null, null, null, null, Trigger.EVENT_A3, null, n, null, null, null);
    }

    private Optional<HandoverDecision> after(Duration d, MeasRepUeNotification r) {
        clock.advance(d);
        return trigger.onMeasurement(r);
    }

    @Test
    void a_neighbour_on_another_host_better_by_more_than_the_hysteresis_for_the_time_to_trigger_moves_the_device() {
        assertThat(after(Duration.ZERO, report("A1", 50, "B1", 54))).isEmpty();      // 4 dB better: timer starts
        assertThat(after(Duration.ofMillis(400), report("A1", 50, "B1", 55))).isEmpty();

        Optional<HandoverDecision> fired = after(Duration.ofMillis(240), report("A1", 49, "B1", 55));

        assertThat(fired).hasValueSatisfying(d -> {
            assertThat(d.trigger()).isEqualTo(TriggerKind.SIGNAL_QUALITY);
            assertThat(d.aeIds()).containsExactly("C10_0_0_1");
            assertThat(d.sourceCseId()).isEqualTo("/id-mn1");
            assertThat(d.targets()).containsExactly("/id-mn2");
            assertThat(d.reason()).isEqualTo("MEC 012 RSRP: cell B1 (/id-mn2) -86.0 > cell A1 (/id-mn1) -92.0 "
                    + "+ 3.0 dB for PT0.64S");
        });
        assertThat(after(Duration.ofSeconds(1), report("A1", 49, "B1", 55))).as("fires once").isEmpty();
    }

    @Test
    void a_neighbour_within_the_hysteresis_never_triggers() {
        for (int i = 0; i < 10; i++) {
            assertThat(after(Duration.ofMillis(200), report("A1", 50, "B1", 53))).isEmpty(); // exactly 3 dB
        }
    }

    @Test
    void dropping_below_the_margin_restarts_the_time_to_trigger() {
        after(Duration.ZERO, report("A1", 50, "B1", 55));
        after(Duration.ofMillis(500), report("A1", 50, "B1", 52));                 // margin lost: timer reset
        assertThat(after(Duration.ofMillis(100), report("A1", 50, "B1", 55))).isEmpty();
        assertThat(after(Duration.ofMillis(600), report("A1", 50, "B1", 55))).isEmpty();
        assertThat(after(Duration.ofMillis(40), report("A1", 50, "B1", 55))).isPresent();
    }

    @Test
    void the_best_cell_of_the_serving_host_is_the_reference_and_the_best_other_host_wins() {
        assertThat(after(Duration.ZERO, report("A1", 40, "A2", 60, "B1", 62, "C1", 66))).isEmpty();
        // C1 falls back within the margin over A2 (B1 is no better): the time-to-trigger starts again
        assertThat(after(Duration.ofSeconds(1), report("A1", 40, "A2", 60, "B1", 62, "C1", 62))).isEmpty();
        assertThat(after(Duration.ofSeconds(1), report("A1", 40, "A2", 60, "B1", 62, "C1", 66))).isEmpty();

        Optional<HandoverDecision> fired = after(Duration.ofSeconds(1), report("A1", 40, "A2", 60, "B1", 62,
                "C1", 66));

        assertThat(fired).hasValueSatisfying(d -> {
            assertThat(d.targets()).containsExactly("/id-mn3");
            assertThat(d.reason()).contains("> cell A2 (/id-mn1) -81.0");
        });
    }

    @Test
    void after_the_radio_moved_to_a_cell_of_another_host_the_aes_follow() {
        after(Duration.ZERO, report("B1", 60));          // host A's cells are no longer measured at all

        Optional<HandoverDecision> fired = after(Duration.ofSeconds(1), report("B1", 60));

        assertThat(fired).hasValueSatisfying(d -> {
            assertThat(d.sourceCseId()).isEqualTo("/id-mn1");
            assertThat(d.targets()).containsExactly("/id-mn2");
            assertThat(d.reason()).contains("no cell of /id-mn1");
        });
    }

    @Test
    void a_device_served_at_the_host_of_its_best_cell_stays() {
        registry.compareAndSet("C10_0_0_1", 1, registry.resolve("C10_0_0_1").orElseThrow().migrating("t"));
        registry.compareAndSet("C10_0_0_1", 1, registry.resolve("C10_0_0_1").orElseThrow().switchedTo("/id-mn2"));

        after(Duration.ZERO, report("A1", 40, "B1", 70));

        assertThat(after(Duration.ofSeconds(1), report("A1", 40, "B1", 70))).isEmpty();
    }

    @Test
    void rsrq_and_sinr_indices_are_converted_as_3gpp_defines_them() {
        assertThat(SignalQualityTrigger.Quantity.RSRP.fromIndex(97)).isEqualTo(-44);
        assertThat(SignalQualityTrigger.Quantity.RSRQ.fromIndex(34)).isEqualTo(-3);
        assertThat(SignalQualityTrigger.Quantity.SINR.fromIndex(46)).isZero();
        assertThat(Arrays.stream(SignalQualityTrigger.Quantity.values())).hasSize(3);
    }
}
