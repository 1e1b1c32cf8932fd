package org.oneedge.mec.platform.lcm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.api.appsupport.MecAppSupportClient;
import org.oneedge.mec.api.appsupport.OperationActionType;
import org.oneedge.mec.api.lcm.AppOperationalState;
import org.oneedge.mec.api.lcm.AppPkgOperationalState;
import org.oneedge.mec.api.lcm.AppPkgSubscription;
import org.oneedge.mec.api.lcm.AppPkgSubscriptionType;
import org.oneedge.mec.api.lcm.Checksum;
import org.oneedge.mec.api.lcm.CreateAppInstanceRequest;
import org.oneedge.mec.api.lcm.CreateAppPkg;
import org.oneedge.mec.api.lcm.InstantiateAppRequest;
import org.oneedge.mec.api.lcm.InstantiationState;
import org.oneedge.mec.api.lcm.LcmSubscription;
import org.oneedge.mec.api.lcm.MecLcmClient;
import org.oneedge.mec.api.lcm.OperateAppRequest;
import org.oneedge.mec.api.lcm.OperationState;
import org.oneedge.mec.api.lcm.StopType;
import org.oneedge.mec.api.lcm.TerminateAppRequest;
import org.oneedge.mec.platform.MecPlatform;
import org.oneedge.mec.platform.MecPlatformConfig;
import org.oneedge.mec.platform.NotificationReceiver;
import org.oneedge.mec.platform.TestHttp;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.oneedge.mec.platform.conformance.MecConformance.assertConformsTo;
import static org.oneedge.mec.platform.conformance.MecConformance.assertResponseConforms;

class AppLcmApiTest {

    static final String LCM = "MEC01002_AppLcm.yaml";
    static final String PKGM = "MEC01002_AppPkgMgmt.yaml";

    final TrackingAppInstantiator instantiator = new TrackingAppInstantiator();
    MecPlatform platform;
    NotificationReceiver receiver;
    MecLcmClient client;
    String lcm;
    String pkgm;

    @BeforeEach
    void start() {
        platform = MecPlatform.builder().config(MecPlatformConfig.builder().hostNames("mep1", "mep2").build())
                .appInstantiator(instantiator).build().start();
        receiver = new NotificationReceiver();
        client = new MecLcmClient(platform.baseUrl());
        lcm = platform.baseUrl() + "/app_lcm/v1";
        pkgm = platform.baseUrl() + "/app_pkgm/v1";
    }

    @AfterEach
    void stop() {
        platform.close();
        receiver.close();
    }

    static CreateAppPkg cseePackage() {
        var appD = TestHttp.MAPPER_FOR_TESTS.createObjectNode().put("appDId", "appd-cse").put("appName", "cse-mn")
                .put("appProvider", "oneedge").put("appSoftVersion", "0.1.0");
        appD.putArray("appDNSRule").addObject().put("dnsRuleId", "dns-cse").put("domainName", "cse.mec.local")
                .put("ipAddressType", "IP_V4").put("ipAddress", "10.0.0.7").put("ttl", 60);
        return new CreateAppPkg("cse-mn", "0.1.0", "oneedge", new Checksum("SHA-256", "00"),
                TestHttp.MAPPER_FOR_TESTS.createObjectNode().set("appD", appD), "file:///cse-mn.zip");
    }

    @Test
    void onboards_enables_and_deletes_a_package_with_notifications() {
        client.subscribePackages(new AppPkgSubscription(receiver.url(), AppPkgSubscriptionType.AppPackageOnBoardingSubscription, null));
        client.subscribePackages(new AppPkgSubscription(receiver.url(), AppPkgSubscriptionType.AppPackageChangeSubscription, null));

        var created = TestHttp.post(pkgm + "/onboarded_app_packages", cseePackage());
        assertThat(created.status()).isEqualTo(201);
        assertConformsTo(PKGM, "AppPkgInfo", created.json());
        assertThat(created.header("Location")).hasValue(pkgm + "/onboarded_app_packages/appd-cse");
        assertThat(created.json().get("onboardingState").asText()).isEqualTo("ONBOARDED");
        assertThat(created.json().get("operationalState").asText()).isEqualTo("ENABLED");
        assertThat(created.json().get("usageState").asText()).isEqualTo("NOT_IN_USE");
        assertResponseConforms(PKGM, "/onboarded_app_packages", "GET", 200,
                TestHttp.get(pkgm + "/onboarded_app_packages").json());
        assertThat(TestHttp.get(pkgm + "/onboarded_app_packages/appd-cse/appd").json().get("appName").asText())
                .isEqualTo("cse-mn");

        var disabled = TestHttp.patch(pkgm + "/onboarded_app_packages/appd-cse", "{\"operationalState\":\"DISABLED\"}");
        assertThat(disabled.status()).isEqualTo(200);
        assertConformsTo(PKGM, "AppPkgInfoModifications", disabled.json());
        var refused = TestHttp.post(lcm + "/app_instances", CreateAppInstanceRequest.of("appd-cse", "x"));
        assertThat(refused.status()).isEqualTo(409);

        await().untilAsserted(() -> assertThat(receiver.received()).hasSize(2));
        receiver.received().forEach(n -> assertConformsTo(PKGM, "AppPkgNotification", n));
        assertThat(receiver.received()).extracting(n -> n.get("notificationType").asText())
                .containsExactly("AppPackageOnBoarded", "AppPackageDisabled");

        assertThat(TestHttp.delete(pkgm + "/onboarded_app_packages/appd-cse").status()).isEqualTo(204);
        assertThat(client.packages()).isEmpty();
    }

    @Test
    void an_instantiation_naming_the_host_by_a_string_host_id_is_recorded_in_the_file_encoding() {
        client.onboard(cseePackage());
        String id = TestHttp.post(lcm + "/app_instances", CreateAppInstanceRequest.of("appd-cse", "x")).json()
                .get("id").asText();

        var accepted = TestHttp.post(lcm + "/app_instances/" + id + "/instantiate",
                "{\"selectedMECHostInfo\":[{\"hostName\":\"mep2\",\"hostId\":\"mep2\"}]}");

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode op = TestHttp.get(accepted.header("Location").orElseThrow()).json();
        assertThat(op.at("/operationParams/selectedMECHostInfo/0/hostId/id").asText()).isEqualTo("mep2");
        assertConformsTo(LCM, "AppLcmOpOcc", op);
    }

    @Test
    void instantiates_operates_and_terminates_an_app_instance_through_operation_occurrences() {
        client.onboard(cseePackage());
        client.subscribe(LcmSubscription.of(LcmSubscription.APP_LCM_OP_OCC_STATE_CHANGE, receiver.url("/ops")));
        client.subscribe(LcmSubscription.of(LcmSubscription.APP_INSTANCE_STATE_CHANGE, receiver.url("/states")));
        var subscriptions = TestHttp.get(lcm + "/subscriptions");
        assertConformsTo(LCM, "AppInstanceSubscriptionLinkList", subscriptions.json());

        var created = TestHttp.post(lcm + "/app_instances", CreateAppInstanceRequest.of("appd-cse", "cse-mn1"));
        assertThat(created.status()).isEqualTo(201);
        assertConformsTo(LCM, "AppInstanceInfo", created.json());
        String id = created.json().get("id").asText();
        assertThat(created.json().get("instantiationState").asText()).isEqualTo("NOT_INSTANTIATED");

        var accepted = TestHttp.post(lcm + "/app_instances/" + id + "/instantiate", InstantiateAppRequest.onHost("mep2"));
        assertThat(accepted.status()).isEqualTo(202);
        String op = accepted.header("Location").orElseThrow();
        await().until(() -> client.opOcc(op).operationState() == OperationState.COMPLETED);
        assertConformsTo(LCM, "AppLcmOpOcc", TestHttp.get(op).json());
        assertResponseConforms(LCM, "/app_lcm_op_occs", "GET", 200, TestHttp.get(lcm + "/app_lcm_op_occs").json());
        var instance = TestHttp.get(lcm + "/app_instances/" + id);
        assertConformsTo(LCM, "AppInstanceInfo", instance.json());
        assertThat(instance.json().get("instantiationState").asText()).isEqualTo("INSTANTIATED");
        assertThat(instance.json().at("/instantiatedAppState/operationalState").asText()).isEqualTo("STARTED");
        assertThat(instantiator.instances()).containsEntry(id, TrackingAppInstantiator.Status.RUNNING);
        assertThat(client.appPackage("appd-cse").usageState().name()).isEqualTo("IN_USE");

        // the instantiated app is a MEC 011 app instance on mep2; it registers with the id it was given
        var mp1 = new MecAppSupportClient(platform.baseUrl() + "/mep2");
        var registered = mp1.register(new org.oneedge.mec.api.appsupport.AppInfo("cse-mn1", "oneedge", null, null,
                id, null, null, null, null, null, null, null));
        assertThat(registered.appInstanceId()).isEqualTo(id);
        assertThat(registered.isInsByMec()).isTrue();
        assertThat(TestHttp.post(platform.baseUrl() + "/mep2/mec_app_support/v2/registrations",
                "{\"appName\":\"again\",\"appInstanceId\":\"" + id + "\"}").status()).isEqualTo(409);
        mp1.confirmReady(id);
        mp1.subscribeTermination(id, receiver.url("/termination"));
        String rules = platform.baseUrl() + "/mep2/mec_app_support/v2/applications/" + id + "/dns_rules";
        var dns = TestHttp.get(rules);
        assertThat(dns.json()).hasSize(1);
        assertConformsTo("MecAppSupportApi.yaml", "DnsRule", dns.json().get(0));
        assertThat(dns.json().get(0).get("state").asText()).isEqualTo("ACTIVE");
        var inactive = TestHttp.put(rules + "/dns-cse", ((com.fasterxml.jackson.databind.node.ObjectNode)
                dns.json().get(0).deepCopy()).put("state", "INACTIVE").toString());
        assertThat(inactive.status()).isEqualTo(200);
        assertThat(TestHttp.get(rules + "/dns-cse").json().get("state").asText()).isEqualTo("INACTIVE");
        assertThat(TestHttp.put(rules + "/dns-cse", "{\"dnsRuleId\":\"dns-cse\"}").status()).isEqualTo(400);
        assertThat(TestHttp.get(rules + "/nope").status()).isEqualTo(404);
        assertThat(platform.context().appInstances().require(id).hostName()).isEqualTo("mep2");

        String stop = client.operate(id, new OperateAppRequest(AppOperationalState.STOPPED, StopType.FORCEFUL, null));
        await().until(() -> client.opOcc(stop).operationState() == OperationState.COMPLETED);
        assertThat(instantiator.instances()).containsEntry(id, TrackingAppInstantiator.Status.STOPPED);
        String startAgain = client.operate(id, new OperateAppRequest(AppOperationalState.STARTED, null, null));
        await().until(() -> client.opOcc(startAgain).operationState() == OperationState.COMPLETED);
        mp1.confirmReady(id);

        String terminate = client.terminate(id, new TerminateAppRequest(StopType.GRACEFUL, 30));
        await().untilAsserted(() -> assertThat(receiver.ofType("AppTerminationNotification")).hasSize(1));
        assertThat(client.opOcc(terminate).operationState()).isEqualTo(OperationState.PROCESSING);
        mp1.confirmTermination(id, OperationActionType.TERMINATING);
        await().until(() -> client.opOcc(terminate).operationState() == OperationState.COMPLETED);
        assertThat(client.instance(id).instantiationState()).isEqualTo(InstantiationState.NOT_INSTANTIATED);
        assertThat(instantiator.instances()).doesNotContainKey(id);
        assertThat(platform.context().appInstances().get(id)).isEmpty();

        await().untilAsserted(() -> assertThat(receiver.ofType("AppInstanceStateChangeSubscription")).hasSize(4));
        List<JsonNode> states = receiver.ofType("AppInstanceStateChangeSubscription");
        states.forEach(n -> assertConformsTo(LCM, "AppInstNotification", n));
        assertThat(states).extracting(n -> n.get("appInstanceState").asText())
                .containsExactly("STARTED", "STOPPED", "STARTED", "NOT_INSTANTIATED");
        await().untilAsserted(() -> assertThat(receiver.ofType("AppLcmOpOccStateChangeSubscription")).hasSize(12));
        List<JsonNode> ops = receiver.ofType("AppLcmOpOccStateChangeSubscription");
        ops.forEach(n -> assertConformsTo(LCM, "AppLcmOpOccNotification", n));
        assertThat(ops.subList(0, 3)).extracting(n -> n.get("operationType").asText() + "/"
                + n.get("operationState").asText())
                .containsExactly("INSTANTIATE/STARTING", "INSTANTIATE/PROCESSING", "INSTANTIATE/COMPLETED");

        assertThat(TestHttp.delete(lcm + "/app_instances/" + id).status()).isEqualTo(204);
    }

    @Test
    void notifies_creation_and_deletion_of_app_instance_identifiers_matching_the_filter() {
        client.onboard(cseePackage());
        String filter = ",\"appInstanceSubscriptionFilter\":{\"appInstSelectorType\":\"APP_D_ID\","
                + "\"appInstances\":[\"appd-cse\"]}";
        var creation = TestHttp.post(lcm + "/subscriptions", "{\"subscriptionType\":\"AppIdentifierCreationSubscription\","
                + "\"callbackUri\":\"" + receiver.url() + "\"" + filter + "}");
        var deletion = TestHttp.post(lcm + "/subscriptions", "{\"subscriptionType\":\"AppIdentifierDeletionSubscription\","
                + "\"callbackUri\":\"" + receiver.url() + "\",\"appInstanceSubscriptionFilter\":"
                + "{\"appInstSelectorType\":3,\"appInstances\":[\"other\"]}}");
        assertThat(creation.status()).isEqualTo(201);
        assertConformsTo(LCM, "AppInstIdCreationSubscriptionInfo", creation.json());
        assertThat(creation.json().at("/appInstanceSubscriptionFilter/appInstSelectorType").asInt()).isEqualTo(3);
        assertConformsTo(LCM, "AppInstIdDeletionSubscriptionInfo", deletion.json());

        String id = client.createInstance(CreateAppInstanceRequest.of("appd-cse", "x")).id();
        client.deleteInstance(id);

        await().untilAsserted(() -> assertThat(receiver.received()).hasSize(1));
        var n = receiver.received().getFirst();
        assertConformsTo(LCM, "AppInstanceIdentifierCreationNotification", n);
        assertThat(n.get("appInstanceId").asText()).isEqualTo(id);
        assertThat(n.at("/_links/appInstance/href").asText()).isEqualTo(lcm + "/app_instances/" + id);
    }

    @Test
    void marks_the_operation_failed_when_the_instantiator_fails() {
        platform.close();
        platform = MecPlatform.builder().appInstantiator(new AppInstantiator() {
            @Override
            public void instantiate(AppInstanceDeployment app) {
                throw new IllegalStateException("no capacity on " + app.hostName());
            }

            @Override
            public void start(AppInstanceDeployment app) {
            }

            @Override
            public void stop(AppInstanceDeployment app) {
            }

            @Override
            public void terminate(AppInstanceDeployment app) {
            }
        }).build().start();
        client = new MecLcmClient(platform.baseUrl());
        client.onboard(cseePackage());
        String id = client.createInstance(CreateAppInstanceRequest.of("appd-cse", "x")).id();

        String op = client.instantiate(id, InstantiateAppRequest.onHost("mep1"));

        await().until(() -> client.opOcc(op).operationState() == OperationState.FAILED);
        assertThat(client.instance(id).instantiationState()).isEqualTo(InstantiationState.NOT_INSTANTIATED);
        assertThat(platform.context().appInstances().get(id)).isEmpty();
    }

    @Test
    void rejects_bad_requests_with_problem_details_and_no_state_change() {
        client.onboard(cseePackage());
        String id = client.createInstance(CreateAppInstanceRequest.of("appd-cse", "x")).id();

        var unknownAppD = TestHttp.post(lcm + "/app_instances", "{\"appDId\":\"nope\"}");
        var noAppD = TestHttp.post(lcm + "/app_instances", "{}");
        var malformed = TestHttp.post(lcm + "/app_instances/" + id + "/instantiate", "{\"selectedMECHostInfo\":");
        var unknownHost = TestHttp.post(lcm + "/app_instances/" + id + "/instantiate",
                InstantiateAppRequest.onHost("mep9"));
        var badEnum = TestHttp.post(lcm + "/app_instances/" + id + "/operate", "{\"changeStateTo\":\"PAUSED\"}");
        var notInstantiated = TestHttp.post(lcm + "/app_instances/" + id + "/operate",
                "{\"changeStateTo\":\"STOPPED\"}");
        var unknownInstance = TestHttp.get(lcm + "/app_instances/nope");
        var unknownOp = TestHttp.get(lcm + "/app_lcm_op_occs/nope");
        var badSubscription = TestHttp.post(lcm + "/subscriptions",
                "{\"subscriptionType\":\"Everything\",\"callbackUri\":\"" + receiver.url() + "\"}");
        var badPackage = TestHttp.post(pkgm + "/onboarded_app_packages", "{\"appPkgName\":\"x\"}");

        for (var bad : List.of(unknownAppD, noAppD, malformed, unknownHost, badEnum, badSubscription)) {
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            assertConformsTo(LCM, "ProblemDetails", bad.json());
        }
        assertThat(badPackage.status()).isEqualTo(400);
        assertConformsTo(PKGM, "ProblemDetails", badPackage.json());
        assertThat(unknownHost.json().get("detail").asText()).contains("mep1");
        assertThat(badEnum.json().get("detail").asText()).contains("changeStateTo");
        assertThat(notInstantiated.status()).isEqualTo(409);
        assertThat(unknownInstance.status()).isEqualTo(404);
        assertThat(unknownOp.status()).isEqualTo(404);
        assertThat(client.instances()).hasSize(1);
        assertThat(client.instance(id).instantiationState()).isEqualTo(InstantiationState.NOT_INSTANTIATED);
        assertThat(client.opOccs()).isEmpty();
        assertThat(client.packages()).hasSize(1);
        assertThat(client.appPackage("appd-cse").operationalState()).isEqualTo(AppPkgOperationalState.ENABLED);
    }
}
