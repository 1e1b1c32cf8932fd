package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.candidate.CseAnswers;
import org.oneedge.handover.candidate.FallbackHandover;
import org.oneedge.handover.candidate.MecLcmTargets;
import org.oneedge.handover.candidate.TargetCandidate;
import org.oneedge.handover.candidate.TargetReadiness;
import org.oneedge.mec.api.lcm.AppOperationalState;
import org.oneedge.mec.api.lcm.Checksum;
import org.oneedge.mec.api.lcm.CreateAppInstanceRequest;
import org.oneedge.mec.api.lcm.CreateAppPkg;
import org.oneedge.mec.api.lcm.InstantiateAppRequest;
import org.oneedge.mec.api.lcm.InstantiationState;
import org.oneedge.mec.api.lcm.MecLcmClient;
import org.oneedge.mec.api.lcm.OperateAppRequest;
import org.oneedge.mec.api.lcm.OperationState;
import org.oneedge.mec.platform.MecPlatform;
import org.oneedge.mec.platform.MecPlatformConfig;
import org.oneedge.mec.platform.lcm.AppInstanceDeployment;
import org.oneedge.mec.platform.lcm.AppInstantiator;
import org.oneedge.model.CseClient;
import org.oneedge.model.ResponseStatusCode;

/**
 * A target MN-CSE provisioned as a MEC application but not running is brought up through the real MEC platform's
 * MEC 010-2 API over HTTP before the switch. The platform's instantiator is a test one: the MN-CSE exists in this JVM
 * from the start but answers only while its app instance runs.
 */
class TargetActivationIT {

    /** Runs nothing; makes the MN-CSE of an app instance reachable while the instance is started. */
    private final class ReachabilityInstantiator implements AppInstantiator {
        @Override
        public void instantiate(AppInstanceDeployment app) {
            running.add(cseOf.get(app.appInstanceId()));
        }

        @Override
        public void start(AppInstanceDeployment app) {
            running.add(cseOf.get(app.appInstanceId()));
        }

        @Override
        public void stop(AppInstanceDeployment app) {
            running.remove(cseOf.get(app.appInstanceId()));
        }

        @Override
        public void terminate(AppInstanceDeployment app) {
            running.remove(cseOf.get(app.appInstanceId()));
        }
    }

    private final Topology topology = new Topology(3);
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, String> cseOf = new ConcurrentHashMap<>();
    private final MecPlatform platform = MecPlatform.builder()
            .config(MecPlatformConfig.builder().hostNames("mec-host-a", "mec-host-b").build())
            .appInstantiator(new ReachabilityInstantiator()).build().start();
    private final MecLcmClient lcm = new MecLcmClient(platform.baseUrl());
    private final CseAnswers answers = new CseAnswers(id -> running.contains(id)
            ? Optional.ofNullable((CseClient) topology.nodes.get(id)) : Optional.empty(), InProcessCse.ADMIN);

    @AfterEach
    void close() {
        platform.close();
        topology.close();
    }

    private String provision(String cseId) {
        ObjectNode appD = JsonNodeFactory.instance.objectNode().put("appDId", "appd-cse-mn").put("appName", "cse-mn")
                .put("appProvider", "oneedge").put("appSoftVersion", "0.1.0");
        if (lcm.packages().isEmpty()) {
            lcm.onboard(new CreateAppPkg("cse-mn", "0.1.0", "oneedge", new Checksum("SHA-256", "00"),
                    JsonNodeFactory.instance.objectNode().set("appD", appD), "file:///cse-mn.zip"));
        }
        String id = lcm.createInstance(CreateAppInstanceRequest.of("appd-cse-mn", cseId)).id();
        cseOf.put(id, cseId);
        return id;
    }

    private MecLcmTargets targets(Map<String, MecLcmTargets.Deployment> deployments) {
        return new MecLcmTargets(lcm, deployments, answers,
                new MecLcmTargets.Config(Duration.ofSeconds(20), Duration.ofMillis(20)), Clock.systemUTC());
    }

    @Test
    void a_provisioned_target_is_instantiated_through_mec_010_2_and_then_takes_the_ae() {
        running.add("/id-mn1");
        topology.device("Cdev1", 1);
        String app = provision("/id-mn3");
        MecLcmTargets targets = targets(Map.of("/id-mn3", new MecLcmTargets.Deployment(app, "mec-host-b")));
        assertThat(targets.readiness("/id-mn3")).isEqualTo(TargetReadiness.PROVISIONED_NOT_INSTANTIATED);
        assertThat(targets.readiness("/id-mn2")).isEqualTo(TargetReadiness.UNREACHABLE);

        FallbackHandover.Outcome outcome = new FallbackHandover(topology.coordinator, topology.registry,
                topology.transactions, targets).handover("tx1", "Cdev1", List.of(
                new TargetCandidate("/id-mn2", 1, "ranked"), new TargetCandidate("/id-mn3", 2, "ranked")));

        assertThat(outcome.target()).hasValue("/id-mn3");
        assertThat(outcome.attempts()).extracting(FallbackHandover.Attempt::outcome)
                .containsExactly("UNREACHABLE", "COMPLETED");
        var instance = lcm.instance(app);
        assertThat(instance.instantiationState()).isEqualTo(InstantiationState.INSTANTIATED);
        assertThat(instance.instantiatedAppState().operationalState()).isEqualTo(AppOperationalState.STARTED);
        assertThat(lcm.opOccs()).singleElement()
                .satisfies(op -> assertThat(op.operationState()).isEqualTo(OperationState.COMPLETED));
        assertThat(targets.readiness("/id-mn3")).isEqualTo(TargetReadiness.READY);
        assertThat(topology.read(3, "cse-mn3/aeCdev1").statusCode()).isEqualTo(ResponseStatusCode.OK);
    }

    @Test
    void a_stopped_target_is_started_through_mec_010_2_operate() {
        running.add("/id-mn1");
        topology.device("Cdev1", 1);
        String app = provision("/id-mn2");
        String instantiated = lcm.instantiate(app, InstantiateAppRequest.onHost("mec-host-a"));
        await().until(() -> lcm.opOcc(instantiated).operationState() == OperationState.COMPLETED);
        String stopped = lcm.operate(app, new OperateAppRequest(AppOperationalState.STOPPED, null, null));
        await().until(() -> lcm.opOcc(stopped).operationState() == OperationState.COMPLETED);
        MecLcmTargets targets = targets(Map.of("/id-mn2", new MecLcmTargets.Deployment(app, "mec-host-a")));
        assertThat(targets.readiness("/id-mn2")).isEqualTo(TargetReadiness.STOPPED);

        var readied = targets.prepare("/id-mn2");

        assertThat(readied.readiness()).isEqualTo(TargetReadiness.READY);
        assertThat(readied.detail()).contains("started");
        assertThat(lcm.instance(app).instantiatedAppState().operationalState()).isEqualTo(AppOperationalState.STARTED);
    }

    @Test
    void a_target_whose_cse_never_answers_fails_activation_with_the_reason() {
        topology.device("Cdev1", 1);
        String app = provision("/id-mn9"); // no such MN-CSE: the instance starts, nothing answers
        MecLcmTargets targets = new MecLcmTargets(lcm, Map.of("/id-mn9",
                new MecLcmTargets.Deployment(app, "mec-host-b")), answers,
                new MecLcmTargets.Config(Duration.ofMillis(300), Duration.ofMillis(20)), Clock.systemUTC());

        var readied = targets.prepare("/id-mn9");

        assertThat(readied.readiness()).isEqualTo(TargetReadiness.ACTIVATION_FAILED);
        assertThat(readied.detail()).contains("did not answer");
    }
}
