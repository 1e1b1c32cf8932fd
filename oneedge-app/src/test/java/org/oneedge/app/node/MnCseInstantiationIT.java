package org.oneedge.app.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneedge.app.config.ConfigKey;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.config.NodeConfigLoader;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.lcm.Checksum;
import org.oneedge.mec.api.lcm.CreateAppInstanceRequest;
import org.oneedge.mec.api.lcm.CreateAppPkg;
import org.oneedge.mec.api.lcm.InstantiateAppRequest;
import org.oneedge.mec.api.lcm.MecLcmClient;
import org.oneedge.mec.api.lcm.OperationState;
import org.oneedge.mec.api.lcm.StopType;
import org.oneedge.mec.api.lcm.TerminateAppRequest;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResponseStatusCode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * MEC 010-2 over real HTTP instantiates a OneEdge MN-CSE package: the MN-CSE starts and registers to the IN-CSE that
 * runs the MEC platform; terminating the app instance stops it and deregisters it.
 */
class MnCseInstantiationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private NodeConfig inWithMec() {
        return new NodeConfigLoader().flags(Map.of(ConfigKey.HTTP_PORT, "0", ConfigKey.STORE, "memory",
                ConfigKey.DATA_DIR, dataDir.toString(), ConfigKey.LOG_LEVEL, "WARN", ConfigKey.MEC_ENABLED, "true",
                ConfigKey.MEC_PORT, "0")).load();
    }

    private static CreateAppPkg mnCsePackage(String appDId, String cseId, String cseBaseName) {
        ObjectNode data = JSON.createObjectNode();
        data.putObject("appD").put("appDId", appDId).put("appName", MnCseInstantiator.APP_NAME)
                .put("appProvider", MnCseInstantiator.APP_PROVIDER).put("appSoftVersion", "0.1.0")
                .put("appDVersion", "1");
        data.put("cseId", cseId).put("cseBaseName", cseBaseName);
        return new CreateAppPkg(appDId, "0.1.0", MnCseInstantiator.APP_PROVIDER, new Checksum("SHA-256", "00"), data,
                "file:///" + appDId + ".zip");
    }

    private static ResponseStatusCode retrieveStatus(OneEdgeNode in, String to) {
        return in.cse().send(Request.builder().operation(Operation.RETRIEVE).to(to).from("CAdmin")
                .releaseVersion("3").requestId("it-" + System.nanoTime()).build()).statusCode();
    }

    private static void awaitCompleted(MecLcmClient lcm, String op) {
        await().atMost(Duration.ofSeconds(30)).until(() -> lcm.opOcc(op).operationState() != OperationState.PROCESSING
                && lcm.opOcc(op).operationState() != OperationState.STARTING);
        assertThat(lcm.opOcc(op).operationState()).isEqualTo(OperationState.COMPLETED);
    }

    @Test
    void instantiating_an_mn_cse_package_starts_an_mn_cse_registered_to_the_in_cse_and_terminating_deregisters_it() {
        try (OneEdgeNode in = OneEdgeNode.start(inWithMec())) {
            MecLcmClient lcm = new MecLcmClient(in.mecNode().baseUrl());
            String host = in.mecNode().hostNames().get(0);
            lcm.onboard(mnCsePackage("oneedge-mn-cse-7", "/id-mn7", "cse-mn7"));
            String id = lcm.createInstance(CreateAppInstanceRequest.of("oneedge-mn-cse-7", "mn7")).id();
            assertThat(retrieveStatus(in, "id-mn7")).isEqualTo(ResponseStatusCode.NOT_FOUND);

            awaitCompleted(lcm, lcm.instantiate(id, InstantiateAppRequest.onHost(host)));

            await().atMost(Duration.ofSeconds(20)).until(() -> retrieveStatus(in, "id-mn7") == ResponseStatusCode.OK);
            Map<?, ?> csr = JSON.convertValue(in.cse().send(Request.builder().operation(Operation.RETRIEVE)
                    .to("id-mn7").from("CAdmin").releaseVersion("3").requestId("csr").build()).content()
                    .path("m2m:csr"), Map.class);
            assertThat(csr.get("csi")).isEqualTo("/id-mn7");

            awaitCompleted(lcm, lcm.terminate(id, new TerminateAppRequest(StopType.FORCEFUL, null)));

            await().atMost(Duration.ofSeconds(20)).until(() -> retrieveStatus(in, "id-mn7")
                    == ResponseStatusCode.NOT_FOUND);
        }
    }

    @Test
    void an_mn_cse_package_without_a_cse_id_fails_its_instantiation_and_starts_nothing() {
        try (OneEdgeNode in = OneEdgeNode.start(inWithMec())) {
            MecLcmClient lcm = new MecLcmClient(in.mecNode().baseUrl());
            lcm.onboard(mnCsePackage("oneedge-mn-cse-bad", "", "cse-x"));
            String id = lcm.createInstance(CreateAppInstanceRequest.of("oneedge-mn-cse-bad", "bad")).id();

            String op = lcm.instantiate(id, InstantiateAppRequest.onHost(in.mecNode().hostNames().get(0)));

            await().atMost(Duration.ofSeconds(30)).until(() -> lcm.opOcc(op).operationState()
                    == OperationState.FAILED);
            assertThatThrownBy(() -> lcm.instantiate("no-such-instance", InstantiateAppRequest.onHost("x")))
                    .isInstanceOf(MecProblemException.class)
                    .satisfies(e -> assertThat(((MecProblemException) e).status()).isEqualTo(404));
        }
    }
}
