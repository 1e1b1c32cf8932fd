package org.oneedge.bench.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The handover bench with a few devices in one JVM: nothing lost, nothing twice (no timing assertions). */
class HandoverBenchTest {

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @Test
    void moves_devices_back_and_forth_without_losing_or_duplicating_a_message() {
        HandoverBenchOptions options = HandoverBenchOptions.defaults(3,
                new PrintStream(progress, true, StandardCharsets.UTF_8)).withRounds(3);

        HandoverBenchReport report = new HandoverBench().run(options);

        String diagnosis = report.table() + progress.toString(StandardCharsets.UTF_8);
        assertThat(report.handovers()).withFailMessage("%s", diagnosis).isEqualTo(9);
        assertThat(report.lost()).withFailMessage("%s", diagnosis).isZero();
        assertThat(report.duplicates()).withFailMessage("%s", diagnosis).isZero();
        assertThat(report.uplinkAcknowledged()).isPositive();
        assertThat(report.downlinkAccepted()).isPositive();
        assertThat(report.transferBytes()).isPositive();
        assertThat(report.json().path("lost").asLong()).isZero();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("round 3/3");
    }

    @Test
    void warm_up_moves_few_devices_often_enough_and_many_devices_twice() {
        assertThat(HandoverBench.warmupRounds(1, 500)).isEqualTo(HandoverBench.WARMUP_HANDOVERS);
        assertThat(HandoverBench.warmupRounds(1, 100)).isEqualTo(100); // no more warm-up than measured rounds
        assertThat(HandoverBench.warmupRounds(7, 100)).isEqualTo(29); // 203 handovers
        assertThat(HandoverBench.warmupRounds(1, 4)).isEqualTo(4); // no more warm-up than measured rounds
        assertThat(HandoverBench.warmupRounds(1000, 4)).isEqualTo(HandoverBench.WARMUP_ROUNDS);
    }
}
