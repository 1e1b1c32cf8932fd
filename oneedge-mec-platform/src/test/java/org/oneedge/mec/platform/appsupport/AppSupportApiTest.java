package org.oneedge.mec.platform.appsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.api.appsupport.AppInfo;
import org.oneedge.mec.api.appsupport.MecAppSupportClient;
import org.oneedge.mec.api.appsupport.OperationActionType;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.servicemgmt.CategoryRef;
import org.oneedge.mec.api.servicemgmt.MecServiceMgmtClient;
import org.oneedge.mec.api.servicemgmt.ServiceInfo;
import org.oneedge.mec.platform.MecPlatform;
import org.oneedge.mec.platform.MecPlatformConfig;
import org.oneedge.mec.platform.NotificationReceiver;
import org.oneedge.mec.platform.TestHttp;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.oneedge.mec.platform.conformance.MecConformance.assertConformsTo;

class AppSupportApiTest {

    static final String FILE = "MecAppSupportApi.yaml";

    MecPlatform platform;
    NotificationReceiver receiver;
    String api;
    MecAppSupportClient mp1;

    @BeforeEach
    void start() {
        platform = MecPlatform.builder().config(MecPlatformConfig.builder().hostNames("mep1", "mep2")
                .appTerminationGracePeriod(Duration.ofSeconds(30)).build()).build().start();
        receiver = new NotificationReceiver();
        api = platform.baseUrl() + "/mep1/mec_app_support/v2";
        mp1 = new MecAppSupportClient(platform.baseUrl() + "/mep1");
    }

    @AfterEach
    void stop() {
        platform.close();
        receiver.close();
    }

    @Test
    void registers_an_app_that_becomes_usable_after_confirm_ready() {
        var created = TestHttp.post(api + "/registrations", "{\"appName\":\"cse-mn1\",\"appProvider\":\"oneedge\"}");
        assertThat(created.status()).isEqualTo(201);
        assertConformsTo(FILE, "AppInfo", created.json());
        String id = created.json().get("appInstanceId").asText();
        assertThat(created.header("Location")).hasValue(api + "/registrations/" + id);
        var read = TestHttp.get(api + "/registrations/" + id);
        assertConformsTo(FILE, "AppInfo", read.json());
        assertThat(read.json().get("appName").asText()).isEqualTo("cse-mn1");

        var rulesBeforeReady = TestHttp.get(api + "/applications/" + id + "/dns_rules");
        assertThat(rulesBeforeReady.status()).isEqualTo(403);
        assertConformsTo(FILE, "ProblemDetails", rulesBeforeReady.json());

        var ready = TestHttp.post(api + "/applications/" + id + "/confirm_ready", "{\"indication\":\"READY\"}");
        assertThat(ready.status()).isEqualTo(204);
        assertThat(TestHttp.get(api + "/applications/" + id + "/dns_rules").json()).isEmpty();
        assertThat(platform.context().appInstances().require(id).hostName()).isEqualTo("mep1");
    }

    @Test
    void refuses_bad_registration_and_ready_requests_without_changing_state() {
        var noName = TestHttp.post(api + "/registrations", "{\"appProvider\":\"x\"}");
        var notJson = TestHttp.post(api + "/registrations", "{");
        String id = mp1.register(AppInfo.named("app")).appInstanceId();
        var wrongIndication = TestHttp.post(api + "/applications/" + id + "/confirm_ready",
                "{\"indication\":\"SOON\"}");
        var unknownApp = TestHttp.post(api + "/applications/nope/confirm_ready", "{\"indication\":\"READY\"}");
        var noPendingTermination = TestHttp.post(api + "/applications/" + id + "/confirm_termination",
                "{\"operationAction\":\"TERMINATING\"}");

        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("detail").asText()).contains("appName");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(wrongIndication.status()).isEqualTo(400);
        assertThat(wrongIndication.json().get("detail").asText()).contains("READY");
        assertThat(unknownApp.status()).isEqualTo(404);
        assertThat(noPendingTermination.status()).isEqualTo(409);
        for (var answer : new TestHttp.Answer[] {noName, notJson, wrongIndication, unknownApp, noPendingTermination}) {
            assertConformsTo(FILE, "ProblemDetails", answer.json());
        }
        assertThat(platform.context().appInstances().all()).hasSize(1);
        assertThat(platform.context().appInstances().require(id).state())
                .isEqualTo(AppInstanceRegistry.State.REGISTERED);
    }

    @Test
    void notifies_termination_and_removes_the_app_and_its_services_after_confirmation() {
        String id = mp1.register(AppInfo.named("app")).appInstanceId();
        mp1.confirmReady(id);
        var subscription = mp1.subscribeTermination(id, receiver.url());
        assertConformsTo(FILE, "AppTerminationNotificationSubscription", subscription);
        var list = TestHttp.get(api + "/applications/" + id + "/subscriptions");
        assertConformsTo(FILE, "SubscriptionLinkList", list.json());
        assertThat(list.json().at("/_links/subscriptions/0/href").asText())
                .isEqualTo(subscription.links().self().href());
        var mgmt = new MecServiceMgmtClient(platform.baseUrl() + "/mep1");
        mgmt.register(id, ServiceInfo.restService("svc", new CategoryRef("http://c", "c", "c", "v1"), "v1",
                "http://127.0.0.1:1/svc"));

        var done = platform.context().appInstances().requestShutdown(id, OperationActionType.TERMINATING);

        await().untilAsserted(() -> assertThat(receiver.ofType("AppTerminationNotification")).hasSize(1));
        var notification = receiver.ofType("AppTerminationNotification").getFirst();
        assertConformsTo(FILE, "AppTerminationNotification", notification);
        assertThat(notification.get("operationAction").asText()).isEqualTo("TERMINATING");
        assertThat(notification.get("maxGracefulTimeout").asInt()).isEqualTo(30);
        assertThat(notification.at("/_links/confirmTermination/href").asText())
                .isEqualTo(api + "/applications/" + id + "/confirm_termination");

        mp1.confirmTermination(id, OperationActionType.TERMINATING);

        assertThat(done).isCompletedWithValue(true);
        assertThatThrownBy(() -> mp1.registration(id)).isInstanceOfSatisfying(MecProblemException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThat(mgmt.discover(MecServiceMgmtClient.Query.byName("svc"))).isEmpty();
    }

    @Test
    void terminates_anyway_when_the_grace_period_passes() {
        platform.close();
        platform = MecPlatform.builder().config(MecPlatformConfig.builder()
                .appTerminationGracePeriod(Duration.ofMillis(100)).build()).build().start();
        var client = new MecAppSupportClient(platform.baseUrl());
        String id = client.register(AppInfo.named("app")).appInstanceId();
        client.confirmReady(id);
        client.subscribeTermination(id, receiver.url());

        var done = platform.context().appInstances().requestShutdown(id, OperationActionType.TERMINATING);

        await().until(done::isDone);
        assertThat(done).isCompletedWithValue(false);
        assertThat(receiver.ofType("AppTerminationNotification")).hasSize(1);
        assertThat(platform.context().appInstances().get(id)).isEmpty();
    }

    @Test
    void terminates_at_once_an_app_that_did_not_subscribe_to_termination() {
        String id = mp1.register(AppInfo.named("app")).appInstanceId();

        var done = platform.context().appInstances().requestShutdown(id, OperationActionType.TERMINATING);

        assertThat(done).isCompletedWithValue(false);
        assertThat(platform.context().appInstances().get(id)).isEmpty();
    }

    @Test
    void refuses_subscription_for_another_app_or_without_callback() {
        String id = mp1.register(AppInfo.named("app")).appInstanceId();
        mp1.confirmReady(id);

        var otherApp = TestHttp.post(api + "/applications/" + id + "/subscriptions",
                "{\"subscriptionType\":\"AppTerminationNotificationSubscription\",\"callbackReference\":\""
                        + receiver.url() + "\",\"appInstanceId\":\"other\"}");
        var noCallback = TestHttp.post(api + "/applications/" + id + "/subscriptions",
                "{\"subscriptionType\":\"AppTerminationNotificationSubscription\",\"appInstanceId\":\"" + id + "\"}");
        var unknownSubscription = TestHttp.get(api + "/applications/" + id + "/subscriptions/sub-999");

        assertThat(otherApp.status()).isEqualTo(400);
        assertThat(noCallback.status()).isEqualTo(400);
        assertThat(noCallback.json().get("detail").asText()).contains("callbackReference");
        assertThat(unknownSubscription.status()).isEqualTo(404);
        assertThat(mp1.subscriptions(id).links().subscriptions()).isEmpty();
    }

    @Test
    void tells_the_platform_time() {
        var time = TestHttp.get(api + "/timing/current_time");

        assertThat(time.status()).isEqualTo(200);
        assertConformsTo(FILE, "CurrentTime", time.json());
        assertThat(time.json().get("seconds").asLong()).isPositive();
    }
}
