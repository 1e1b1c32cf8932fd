package org.oneedge.mec.platform.ams;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.api.ams.AdjacentAppInfoSubscription;
import org.oneedge.mec.api.ams.AdjacentAppInstanceInfo;
import org.oneedge.mec.api.ams.AmsClient;
import org.oneedge.mec.api.ams.AppMobilityServiceLevel;
import org.oneedge.mec.api.ams.ContextTransferState;
import org.oneedge.mec.api.ams.DeviceInformation;
import org.oneedge.mec.api.ams.MobilityProcedureSubscription;
import org.oneedge.mec.api.ams.MobilityStatus;
import org.oneedge.mec.api.ams.RegistrationInfo;
import org.oneedge.mec.platform.NotificationReceiver;
import org.oneedge.mec.platform.TestHttp;
import org.oneedge.mec.platform.emulator.EmulatedMec;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.oneedge.mec.platform.conformance.MecConformance.assertConformsTo;
import static org.oneedge.mec.platform.conformance.MecConformance.assertEachConformsTo;

class AmsApiTest {

    private static final String AMS = "MEC021_AppMobilityService.yaml";

    private EmulatedMec mec;
    private NotificationReceiver receiver;
    private AmsClient hostA;
    private AmsClient hostB;

    @BeforeEach
    void start() {
        mec = EmulatedMec.start();
        receiver = new NotificationReceiver();
        hostA = AmsClient.of(mec.url("/mec-host-a/amsi/v1"));
        hostB = AmsClient.of(mec.url("/mec-host-b/amsi/v1"));
    }

    @AfterEach
    void stop() {
        receiver.close();
        mec.close();
    }

    private List<JsonNode> mobility(int status) {
        return receiver.ofType("MobilityProcedureNotification").stream()
                .filter(n -> n.get("mobilityStatus").asInt() == status).toList();
    }

    @Test
    void host_change_triggers_relocation_to_sibling_instance_and_report_completes_it() {
        RegistrationInfo source = hostA.register(RegistrationInfo.of("app@mec-host-a", List.of(
                DeviceInformation.of("10.0.0.1", AppMobilityServiceLevel.APP_MOBILITY_WITH_CONFIRMATION))));
        hostB.register(RegistrationInfo.of("app@mec-host-b", List.of()));
        hostA.subscribe(MobilityProcedureSubscription.of(receiver.url("/mob"), "app@mec-host-a", null,
                List.of(MobilityStatus.INTERHOST_MOVEOUT_TRIGGERED, MobilityStatus.INTERHOST_MOVEOUT_COMPLETED)));

        mec.advance(Duration.ofSeconds(45));

        await().until(() -> mobility(1).size() == 1);
        JsonNode triggered = mobility(1).get(0);
        assertThat(triggered.at("/targetAppInfo/appInstanceId").asText()).isEqualTo("app@mec-host-b");
        assertThat(triggered.at("/associateId/0").asText()).isEqualTo("10.0.0.1");
        assertConformsTo(AMS, "MobilityProcedureNotification", triggered);

        RegistrationInfo reported = hostA.reportContextTransferred(source.appMobilityServiceId(), "10.0.0.1");
        assertThat(reported.deviceInformation().get(0).contextTransferState())
                .isEqualTo(ContextTransferState.USER_CONTEXT_TRANSFER_COMPLETED);

        await().until(() -> mobility(2).size() == 1);
        JsonNode completed = mobility(2).get(0);
        assertThat(completed.at("/targetAppInfo/appInstanceId").asText()).isEqualTo("app@mec-host-b");
        assertConformsTo(AMS, "MobilityProcedureNotification", completed);
    }

    @Test
    void relocation_fails_when_the_application_has_no_instance_on_the_new_host() {
        hostA.register(RegistrationInfo.of("solo@mec-host-a", List.of(
                DeviceInformation.of("10.0.0.1", AppMobilityServiceLevel.APP_MOBILITY_WITHOUT_CONFIRMATION))));
        hostA.subscribe(MobilityProcedureSubscription.of(receiver.url("/f"), "solo@mec-host-a", null,
                List.of(MobilityStatus.INTERHOST_MOVEOUT_FAILED)));

        mec.advance(Duration.ofSeconds(45));

        await().until(() -> mobility(3).size() == 1);
        assertThat(mobility(3).get(0).has("targetAppInfo")).isFalse();
        assertThat(receiver.ofType("MobilityProcedureNotification")).hasSize(1);
    }

    @Test
    void adjacent_instances_are_listed_and_notified() {
        hostA.register(RegistrationInfo.of("app@mec-host-a", List.of()));
        hostA.subscribe(AdjacentAppInfoSubscription.of(receiver.url("/adj"), "app@mec-host-a"));
        hostB.register(RegistrationInfo.of("app@mec-host-b", List.of()));
        hostB.register(RegistrationInfo.of("other@mec-host-b", List.of()));

        await().until(() -> receiver.ofType("AdjacentAppInfoNotification").size() == 1);
        JsonNode n = receiver.ofType("AdjacentAppInfoNotification").get(0);
        assertThat(n.at("/adjacentAppInfo/0/appInstanceId").asText()).isEqualTo("app@mec-host-b");

        List<AdjacentAppInstanceInfo> apps = hostA.adjacentAppInstances("(eq,appDId,app)");
        assertThat(apps).extracting(AdjacentAppInstanceInfo::appInstanceId)
                .containsExactly("app@mec-host-a", "app@mec-host-b");
        assertThat(apps.get(1).mecHostInformation().hostName()).isEqualTo("mec-host-b");
        assertEachConformsTo(AMS, "AdjacentAppInstanceInfo",
                TestHttp.get(mec.url("/amsi/v1/queries/adjacent_app_instances")).json());
    }

    @Test
    void registration_is_served_in_the_file_encoding_and_accepts_advantedge_encoding() {
        TestHttp.Answer created = TestHttp.post(mec.url("/mec-host-a/amsi/v1/app_mobility_services"), """
                {"serviceConsumerId":{"appInstanceId":"app@mec-host-a"},
                 "deviceInformation":[{"associateId":{"type":"UE_IPv4_ADDRESS","value":"10.0.0.1"},
                                       "appMobilityServiceLevel":"APP_MOBILITY_WITH_CONFIRMATION"}],
                 "expiryTime":0}""");
        assertThat(created.status()).isEqualTo(201);
        JsonNode reg = created.json();
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/app_mobility_services/" + reg.get("appMobilityServiceId").asText()));
        assertThat(reg.at("/deviceInformation/0/associateId").asText()).isEqualTo("10.0.0.1");
        assertThat(reg.at("/deviceInformation/0/appMobilityServiceLevel/appMobilityServiceLevel").asInt())
                .isEqualTo(2);
        assertThat(reg.at("/deviceInformation/0/contextTransferState").asInt()).isZero();
        assertConformsTo(AMS, "RegistrationInfo", reg);

        TestHttp.Answer sub = TestHttp.post(mec.url("/mec-host-a/amsi/v1/subscriptions"), """
                {"subscriptionType":"MobilityProcedureSubscription","callbackReference":"%s",
                 "filterCriteria":{"appInstanceId":"app@mec-host-a",
                                   "mobilityStatus":["INTERHOST_MOVEOUT_TRIGGERED"]}}"""
                .formatted(receiver.url("/s")));
        assertThat(sub.status()).isEqualTo(201);
        assertThat(sub.json().at("/filterCriteria/mobilityStatus/0").asInt()).isEqualTo(1);
        assertConformsTo(AMS, "MobilityProcedureSubscription", sub.json());
        JsonNode list = TestHttp.get(mec.url("/amsi/v1/subscriptions?subscriptiontype=mobility_proc")).json();
        assertThat(list.at("/_links/subscription")).hasSize(1);
        assertConformsTo(AMS, "SubscriptionLinkList", list);
    }

    @Test
    void bad_input_gets_problem_details_and_changes_nothing() {
        RegistrationInfo reg = hostA.register(RegistrationInfo.of("app@mec-host-a", List.of()));
        String base = mec.url("/amsi/v1");

        TestHttp.Answer unknown = TestHttp.get(base + "/app_mobility_services/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertConformsTo(AMS, "ProblemDetails", unknown.json());
        assertThat(TestHttp.post(base + "/app_mobility_services/nope/deregister_task", "").status()).isEqualTo(404);
        assertThat(TestHttp.post(base + "/app_mobility_services", "{\"serviceConsumerId\":").status())
                .isEqualTo(400);
        assertThat(TestHttp.post(base + "/app_mobility_services", "{\"deviceInformation\":[]}").status())
                .isEqualTo(400);
        assertThat(TestHttp.post(base + "/app_mobility_services", """
                {"appMobilityServiceId":"mine","serviceConsumerId":{"appInstanceId":"x"}}""").status())
                .isEqualTo(400);
        assertThat(TestHttp.put(base + "/app_mobility_services/" + reg.appMobilityServiceId(), """
                {"appMobilityServiceId":"other","serviceConsumerId":{"appInstanceId":"app@mec-host-a"}}""")
                .status()).isEqualTo(400);
        assertThat(TestHttp.post(base + "/subscriptions", """
                {"subscriptionType":"MobilityProcedureSubscription","callbackReference":"not a uri",
                 "filterCriteria":{}}""").status()).isEqualTo(400);
        assertThat(TestHttp.get(base + "/subscriptions?subscriptiontype=foo").status()).isEqualTo(400);
        assertThat(TestHttp.get(base + "/queries/adjacent_app_instances?filter=(like,appDId,x)").status())
                .isEqualTo(400);

        assertThat(hostA.registrations()).singleElement().isEqualTo(reg);
        assertThat(hostA.subscriptions(null).links().subscription()).isNullOrEmpty();

        hostA.deregisterTask(reg.appMobilityServiceId());
        assertThat(hostA.registrations()).isEmpty();
    }

    @Test
    void target_may_be_an_instance_known_only_from_mec_011() {
        mec.platform.context().appInstances().add("cse-b", "mec-host-b",
                org.oneedge.mec.api.appsupport.AppInfo.named("cse"));
        mec.platform.context().appInstances().add("cse-a", "mec-host-a",
                org.oneedge.mec.api.appsupport.AppInfo.named("cse"));
        hostA.register(RegistrationInfo.of("cse-a", List.of(
                DeviceInformation.of("10.0.0.1", AppMobilityServiceLevel.APP_MOBILITY_WITH_CONFIRMATION))));
        hostA.subscribe(MobilityProcedureSubscription.of(receiver.url("/m011"), "cse-a", null, null));

        mec.advance(Duration.ofSeconds(45));

        await().until(() -> mobility(1).size() == 1);
        assertThat(mobility(1).get(0).at("/targetAppInfo/appInstanceId").asText()).isEqualTo("cse-b");
    }

    @Test
    void registration_expires_after_its_expiry_time() {
        RegistrationInfo reg = hostA.register(new RegistrationInfo(null,
                org.oneedge.mec.api.ams.ServiceConsumerId.app("short@mec-host-a"), List.of(), 1L));
        String url = mec.url("/mec-host-a/amsi/v1/app_mobility_services/" + reg.appMobilityServiceId());
        assertThat(reg.expiryTime()).isEqualTo(1L);

        await().atMost(Duration.ofSeconds(10)).until(() -> TestHttp.get(url).status() == 404);
        assertThat(hostA.registrations()).isEmpty();
        await().until(() -> mec.directory.find("short@mec-host-a").isEmpty());
    }
    @Test
    void expired_subscription_is_notified_with_an_expiry_notification_and_removed() {
        long deadline = java.time.Instant.now().plusSeconds(1).getEpochSecond() + 1;
        TestHttp.Answer sub = TestHttp.post(mec.url("/mec-host-a/amsi/v1/subscriptions"), """
                {"subscriptionType":"AdjacentAppInfoSubscription","callbackReference":"%s",
                 "expiryDeadline":{"seconds":%d,"nanoSeconds":0},
                 "filterCriteria":{"appInstanceId":"app@mec-host-a"}}""".formatted(receiver.url("/x"), deadline));
        assertThat(sub.status()).isEqualTo(201);
        String href = sub.header("Location").orElseThrow();

        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.ofType("ExpiryNotification").isEmpty());
        JsonNode n = receiver.ofType("ExpiryNotification").get(0);
        assertThat(n.at("/_links/subscription/href").asText()).isEqualTo(href);
        assertThat(n.at("/expiryDeadline/seconds").asLong()).isEqualTo(deadline);
        assertConformsTo(AMS, "ExpiryNotification", n);
        assertThat(TestHttp.get(href).status()).isEqualTo(404);
    }
}
