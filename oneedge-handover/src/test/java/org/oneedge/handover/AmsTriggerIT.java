package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.candidate.CseAnswers;
import org.oneedge.handover.candidate.FallbackHandover;
import org.oneedge.handover.candidate.TargetCandidate;
import org.oneedge.handover.trigger.AmsTrigger;
import org.oneedge.handover.trigger.HandoverDecision;
import org.oneedge.handover.trigger.TriggerKind;
import org.oneedge.mec.api.ams.AmsClient;
import org.oneedge.mec.api.ams.ContextTransferState;
import org.oneedge.mec.api.ams.MobilityStatus;
import org.oneedge.mec.api.ams.RegistrationInfo;
import org.oneedge.mec.platform.MecPlatform;
import org.oneedge.mec.platform.MecPlatformConfig;
import org.oneedge.mec.platform.ams.AmsApi;
import org.oneedge.mec.platform.ams.AppInstanceDirectory;
import org.oneedge.mec.platform.emulator.Emulator;
import org.oneedge.mec.platform.emulator.EmulatorConfig;
import org.oneedge.mec.platform.emulator.ScenarioLoader;
import org.oneedge.model.CseClient;
import org.oneedge.model.ResponseStatusCode;

/**
 * MEC-assisted handover against the real MEC platform over HTTP: the device drives from MEC host A to B in the
 * emulator (stepped by hand), AMS notifies INTERHOST_MOVEOUT_TRIGGERED naming the instance on B, the device's AE
 * moves to that instance's MN-CSE, the trigger reports the context transferred and AMS answers COMPLETED.
 */
class AmsTriggerIT {

    /** Two MEC hosts on a road; UE 10.0.0.1 drives into zone-b (mec-host-b) after about 35 s. */
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
            .api(AmsApi.factory(emulator, new AppInstanceDirectory())).build().start();
    private final Topology topology = new Topology(2);
    private final BlockingQueue<HandoverDecision> decisions = new LinkedBlockingQueue<>();
    private AmsTrigger trigger;
    private final CallbackReceiver receiver = new CallbackReceiver(
            body -> trigger.onNotification(body).ifPresent(decisions::add));

    @AfterEach
    void close() {
        receiver.close();
        if (trigger != null) {
            trigger.close();
        }
        platform.close();
        emulator.close();
        topology.close();
    }

    private AmsClient ams(String host) {
        return AmsClient.of(platform.baseUrl() + "/" + host + "/amsi/v1");
    }

    @Test
    void an_interhost_move_out_hands_the_devices_ae_to_the_target_instances_cse_and_reports_completion() {
        HandoverAwareClient device = topology.device("Cdev1", 1);
        device.send(Topology.uplink("Cdev1", "on host a"));
        ams("mec-host-b").register(RegistrationInfo.of("cse-mn@mec-host-b", List.of()));
        Map<String, String> cseOfApp = Map.of("cse-mn@mec-host-a", "/id-mn1", "cse-mn@mec-host-b", "/id-mn2");
        trigger = new AmsTrigger(ams("mec-host-a"), new AmsTrigger.Config("cse-mn@mec-host-a",
                receiver.url("/ams"), null), "/id-mn1", app -> Optional.ofNullable(cseOfApp.get(app)),
                ue -> ue.equals("10.0.0.1") ? List.of("Cdev1") : List.of()).start(List.of("10.0.0.1"));

        emulator.advance(Duration.ofSeconds(45));

        await().until(() -> !decisions.isEmpty());
        HandoverDecision decision = decisions.poll();
        assertThat(decision.trigger()).isEqualTo(TriggerKind.MEC_ASSISTED);
        assertThat(decision.aeIds()).containsExactly("Cdev1");
        assertThat(decision.targets()).containsExactly("/id-mn2");
        assertThat(decision.reason()).contains("INTERHOST_MOVEOUT_TRIGGERED", "cse-mn@mec-host-b");
        assertThat(trigger.procedure("10.0.0.1")).hasValue(MobilityStatus.INTERHOST_MOVEOUT_TRIGGERED);

        FallbackHandover.Outcome outcome = new FallbackHandover(topology.coordinator, topology.registry,
                topology.transactions, new CseAnswers(id -> Optional.ofNullable((CseClient) topology.nodes.get(id)),
                InProcessCse.ADMIN).asPreparation()).handover("ams-1", "Cdev1",
                List.of(new TargetCandidate("/id-mn2", 1, decision.reason())));
        assertThat(outcome.completed()).isTrue();
        trigger.reportOutcome(decision, true);

        await().until(() -> trigger.procedure("10.0.0.1").orElseThrow()
                == MobilityStatus.INTERHOST_MOVEOUT_COMPLETED);
        assertThat(ams("mec-host-a").registration(trigger.registrationId()).deviceInformation().getFirst()
                .contextTransferState()).isEqualTo(ContextTransferState.USER_CONTEXT_TRANSFER_COMPLETED);
        assertThat(device.send(Topology.uplink("Cdev1", "on host b")).statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
        assertThat(topology.read(2, "cse-mn2/aeCdev1/data").content().path("m2m:cnt").path("cni").asInt())
                .isEqualTo(2);
    }

    @Test
    void a_failed_handover_is_not_reported_as_transferred() {
        topology.device("Cdev1", 1);
        ams("mec-host-b").register(RegistrationInfo.of("cse-mn@mec-host-b", List.of()));
        trigger = new AmsTrigger(ams("mec-host-a"), new AmsTrigger.Config("cse-mn@mec-host-a",
                receiver.url("/ams"), null), "/id-mn1", app -> Optional.of("/id-mn9"),
                ue -> List.of("Cdev1")).start(List.of("10.0.0.1"));
        emulator.advance(Duration.ofSeconds(45));
        await().until(() -> !decisions.isEmpty());

        trigger.reportOutcome(decisions.poll(), false);

        assertThat(trigger.procedure("10.0.0.1")).hasValue(MobilityStatus.INTERHOST_MOVEOUT_FAILED);
        assertThat(ams("mec-host-a").registration(trigger.registrationId()).deviceInformation().getFirst()
                .contextTransferState()).isEqualTo(ContextTransferState.NOT_TRANSFERRED);
    }
}
