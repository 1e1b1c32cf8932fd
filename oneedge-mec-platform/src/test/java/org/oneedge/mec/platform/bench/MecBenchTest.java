package org.oneedge.mec.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.platform.emulator.Scenario;
import org.oneedge.mec.platform.emulator.ScenarioLoader;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MecBenchTest {

    @Test
    void small_run_reports_position_updates_and_delivered_notifications() throws Exception {
        MecBenchResult result = new MecBench().run(MecBenchOptions.builder().ues(200).duration(Duration.ofSeconds(2))
                .warmup(Duration.ofMillis(300)).build());

        assertThat(result.ues()).isEqualTo(200);
        assertThat(result.targetPositionUpdatesPerSecond()).isEqualTo(2000.0);
        assertThat(result.positionUpdatesPerSecond()).isPositive();
        assertThat(result.measurementReports()).isPositive();
        assertThat(result.notificationsDelivered()).isPositive();
        assertThat(result.toString()).contains("200 UEs", "position updates/s", "dropped");
        JsonNode json = new ObjectMapper().readTree(result.toJson());
        assertThat(json.get("notificationsDelivered").asLong()).isEqualTo(result.notificationsDelivered());
    }

    @Test
    void generated_ues_spread_over_the_default_road() {
        Scenario s = MecBench.withUes(ScenarioLoader.defaultScenario(), 1000, 3);
        assertThat(s.ues()).hasSize(1000);
        assertThat(s.ues()).extracting(Scenario.Ue::id).doesNotHaveDuplicates();
        assertThat(s.ues()).allSatisfy(u -> assertThat(u.speed()).isBetween(5.0, 35.0));
        assertThat(s.mecHosts()).hasSize(3);
    }
}
