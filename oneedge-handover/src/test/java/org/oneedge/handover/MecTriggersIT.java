package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.NodeMetrics;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.ranking.Ranker;
import org.oneedge.federation.ranking.Requirements;
import org.oneedge.handover.candidate.CandidateSelector;
import org.oneedge.handover.registry.InMemoryServingRegistry;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.trigger.HandoverDecision;
import org.oneedge.handover.trigger.LoadBalancingTrigger;
import org.oneedge.handover.trigger.SignalQualityTrigger;
import org.oneedge.handover.trigger.TriggerKind;
import org.oneedge.mec.api.metrics.MecMetricsClient;
import org.oneedge.mec.api.metrics.MetricName;
import org.oneedge.mec.api.metrics.MetricsThresholdSubscription;
import org.oneedge.mec.api.metrics.ThresholdDirection;
import org.oneedge.mec.api.rni.AssociateId;
import org.oneedge.mec.api.rni.FilterCriteriaAssocTri;
import org.oneedge.mec.api.rni.MeasRepUeSubscription;
import org.oneedge.mec.api.rni.RniClient;
import org.oneedge.mec.platform.MecPlatform;
import org.oneedge.mec.platform.MecPlatformConfig;
import org.oneedge.mec.platform.emulator.Emulator;
import org.oneedge.mec.platform.emulator.EmulatorConfig;
import org.oneedge.mec.platform.emulator.ScenarioLoader;
import org.oneedge.mec.platform.rni.RniApi;

/**
 * The signal-quality and load-balancing triggers fed by the real MEC platform over HTTP: MEC 012 measurement reports
 * of a UE the emulator drives from host A's cells into host B's (emulated time, stepped by hand), and platform
 * metrics threshold notifications of an overloaded host.
 */
class MecTriggersIT {

    private static final String SCENARIO = """
            name: handover-two-hosts
            radio: { shadowingSigmaDb: 2, hysteresisDb: 3, timeToTrigger: PT0.5S }
            mecHosts:
              - { name: mec-host-a, zones: [zone-a] }
              - { name: mec-host-b, zones: [zone-b] }
            zones: [ { id: zone-a }, { id: zone-b } ]
            accessPoints:
              - { id: cell-a1, type: 4G, position: { x: 0, y: 0 },    cellId: "0A0000A", zone: zone-a }
              - { id: cell-a2, type: 4G, position: { x: 400, y: 0 },  cellId: "0A0000B", zone: zone-a }
              - { id: cell-b1, type: 4G, position: { x: 800, y: 0 },  cellId: "0B0000A", zone: zone-b }
              - { id: cell-b2, type: 4G, position: { x: 1200, y: 0 }, cellId: "0B0000B", zone: zone-b }
            ues:
              - { id: "acr:10.0.0.1", speed: 20, mode: REVERSE, path: [ { x: -100, y: 5 }, { x: 1300, y: 5 } ] }
            """;

    private final Emulator emulator = Emulator.builder(ScenarioLoader.parse(SCENARIO))
            .config(EmulatorConfig.builder().seed(7).build()).build();
    private final MecPlatform platform = MecPlatform.builder()
            .config(MecPlatformConfig.builder().hostNames(emulator.hostNames())
                    .notificationInitialBackoff(Duration.ofMillis(20)).build())
            .api(RniApi.factory(emulator)).build().start();
    private final BlockingQueue<HandoverDecision> decisions = new LinkedBlockingQueue<>();
    private final Map<String, String> cseOfHost = Map.of("mec-host-a", "/id-mn1", "mec-host-b", "/id-mn2");
    private CallbackReceiver receiver;

    @AfterEach
    void close() {
        if (receiver != null) {
            receiver.close();
        }
        platform.close();
        emulator.close();
    }

    @Test
    void measurement_reports_of_a_ue_driving_into_host_b_hand_its_aes_to_the_mn_cse_there() {
        InMemoryServingRegistry registry = new InMemoryServingRegistry();
        registry.compareAndSet("Cdev1", ServingRegistry.ABSENT, ServingEntry.registered("Cdev1", "/id-mn1"));
        SignalQualityTrigger trigger = new SignalQualityTrigger(SignalQualityTrigger.Config.DEFAULTS,
                Clock.systemUTC(), cell -> Optional.of(cell.startsWith("0A") ? "/id-mn1" : "/id-mn2"),
                ue -> ue.equals("10.0.0.1") ? List.of("Cdev1") : List.of(), registry);
        receiver = new CallbackReceiver(body -> trigger.onNotification(body).ifPresent(decisions::add));
        RniClient.of(platform.baseUrl() + "/rni/v2").subscribe(MeasRepUeSubscription.of(receiver.url("/rni"),
                new FilterCriteriaAssocTri(null, List.of(AssociateId.ipv4("10.0.0.1")), null, null), null));

        emulator.advance(Duration.ofSeconds(50));

        await().until(() -> !decisions.isEmpty());
        HandoverDecision decision = decisions.poll();
        assertThat(decision.trigger()).isEqualTo(TriggerKind.SIGNAL_QUALITY);
        assertThat(decision.aeIds()).containsExactly("Cdev1");
        assertThat(decision.sourceCseId()).isEqualTo("/id-mn1");
        assertThat(decision.targets()).containsExactly("/id-mn2");
        assertThat(decision.reason()).contains("cell 0B");
    }

    @Test
    void a_cpu_threshold_crossing_on_host_a_moves_the_capped_number_of_its_aes_to_the_best_ranked_cse() {
        LoadBalancingTrigger trigger = new LoadBalancingTrigger(new LoadBalancingTrigger.Config(1,
                Duration.ofMinutes(1), Requirements.top(2).build()), Clock.systemUTC(),
                new CandidateSelector(r -> Ranker.withDefaults().rank(List.of(
                        NodeRecord.builder("/id-mn1", NodeKind.MN_CSE).metrics(new NodeMetrics(95.0, 5.0, 1.0, -80.0))
                                .build(),
                        NodeRecord.builder("/id-mn2", NodeKind.MN_CSE).metrics(new NodeMetrics(20.0, 5.0, 1.0, -80.0))
                                .build()), r)),
                host -> Optional.ofNullable(cseOfHost.get(host)),
                cse -> cse.equals("/id-mn1") ? List.of("Cb", "Ca") : List.of(), ae -> false);
        receiver = new CallbackReceiver(body -> decisions.addAll(trigger.onNotification(body)));
        new MecMetricsClient(platform.baseUrl()).subscribe(MetricsThresholdSubscription.of(receiver.url("/load"),
                "mec-host-a", MetricName.CPU_LOAD, 0.8, ThresholdDirection.ABOVE));

        platform.context().hostMetrics().emulated("mec-host-a").orElseThrow().update(s -> s.withCpuLoad(0.95));

        await().until(() -> !decisions.isEmpty());
        HandoverDecision decision = decisions.poll();
        assertThat(decision.trigger()).isEqualTo(TriggerKind.LOAD_BALANCING);
        assertThat(decision.aeIds()).containsExactly("Ca");
        assertThat(decision.targets()).containsExactly("/id-mn2");
        assertThat(decision.reason()).contains("cpuLoad 0.95 above 0.80 on mec-host-a");
        assertThat(decisions).isEmpty();
    }
}
