package org.oneedge.mec.platform.servicemgmt;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.api.appsupport.AppInfo;
import org.oneedge.mec.api.appsupport.MecAppSupportClient;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.servicemgmt.CategoryRef;
import org.oneedge.mec.api.servicemgmt.FilteringCriteria;
import org.oneedge.mec.api.servicemgmt.LocalityType;
import org.oneedge.mec.api.servicemgmt.MecServiceMgmtClient;
import org.oneedge.mec.api.servicemgmt.MecServiceMgmtClient.Query;
import org.oneedge.mec.api.servicemgmt.SerAvailabilityNotificationSubscription;
import org.oneedge.mec.api.servicemgmt.ServiceInfo;
import org.oneedge.mec.api.servicemgmt.ServiceState;
import org.oneedge.mec.platform.MecApi;
import org.oneedge.mec.platform.MecPlatform;
import org.oneedge.mec.platform.MecPlatformConfig;
import org.oneedge.mec.platform.MecServiceDescription;
import org.oneedge.mec.platform.NotificationReceiver;
import org.oneedge.mec.platform.TestHttp;
import org.oneedge.mec.platform.http.Routes;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.oneedge.mec.platform.conformance.MecConformance.assertConformsTo;
import static org.oneedge.mec.platform.conformance.MecConformance.assertResponseConforms;

class ServiceMgmtApiTest {

    static final String FILE = "MecServiceMgmtApi.yaml";
    static final CategoryRef CSE = new CategoryRef("http://oneedge/cat/onem2m", "oneM2M", "oneM2M", "v4");

    /** A platform API offering a service, like RNIS does. */
    static final class FakeRni implements MecApi {
        @Override
        public String basePath() {
            return "/rni/v2";
        }

        @Override
        public void register(Routes routes) {
            routes.get("/queries/rab_info", ex -> ex.ok(List.of()));
        }

        @Override
        public Optional<MecServiceDescription> service() {
            return Optional.of(new MecServiceDescription("rnis", "RNI", "v2"));
        }
    }

    MecPlatform platform;
    NotificationReceiver receiver;
    String api;
    MecServiceMgmtClient mgmt;
    String app;

    @BeforeEach
    void start() {
        platform = MecPlatform.builder().config(MecPlatformConfig.builder().hostNames("mep1", "mep2").build())
                .api(ctx -> new FakeRni()).build().start();
        receiver = new NotificationReceiver();
        api = platform.baseUrl() + "/mep1/mec_service_mgmt/v1";
        mgmt = new MecServiceMgmtClient(platform.baseUrl() + "/mep1");
        var mp1 = new MecAppSupportClient(platform.baseUrl() + "/mep1");
        app = mp1.register(AppInfo.named("cse-mn1")).appInstanceId();
        mp1.confirmReady(app);
    }

    @AfterEach
    void stop() {
        platform.close();
        receiver.close();
    }

    ServiceInfo cse(String name) {
        return ServiceInfo.restService(name, CSE, "v4", "http://127.0.0.1:9/" + name);
    }

    @Test
    void registers_platform_services_system_wide_and_per_host() {
        var root = TestHttp.get(platform.baseUrl() + "/mec_service_mgmt/v1/services?ser_name=rnis");
        var mep1Local = TestHttp.get(api + "/services?ser_name=rnis&is_local=true");

        assertResponseConforms(FILE, "/services", "GET", 200, root.json());
        assertThat(root.json()).hasSize(3);
        assertThat(mep1Local.json()).hasSize(1);
        JsonNode local = mep1Local.json().get(0);
        assertConformsTo(FILE, "ServiceInfo", local);
        assertThat(local.at("/transportInfo/endpoint/uris/0").asText()).isEqualTo(platform.baseUrl() + "/mep1/rni/v2");
        assertThat(local.at("/serCategory/name").asText()).isEqualTo("RNI");
        assertThat(local.get("scopeOfLocality").asText()).isEqualTo("MEC_HOST");
        assertThat(TestHttp.get(local.at("/transportInfo/endpoint/uris/0").asText() + "/queries/rab_info").status())
                .isEqualTo(200);
    }

    @Test
    void registers_reads_updates_and_deregisters_a_service() {
        var created = TestHttp.post(api + "/applications/" + app + "/services", cse("cse-mn1"));
        assertThat(created.status()).isEqualTo(201);
        assertConformsTo(FILE, "ServiceInfo", created.json());
        String id = created.json().get("serInstanceId").asText();
        String self = api + "/applications/" + app + "/services/" + id;
        assertThat(created.header("Location")).hasValue(self);
        assertThat(created.json().at("/_links/self/href").asText()).isEqualTo(self);
        assertThat(created.json().get("isLocal").asBoolean()).isTrue();

        var read = TestHttp.get(api + "/services/" + id);
        assertResponseConforms(FILE, "/services/{serviceId}", "GET", 200, read.json());
        var updated = TestHttp.put(self, mgmt.service(id).withState(ServiceState.INACTIVE));
        assertThat(updated.status()).isEqualTo(200);
        assertConformsTo(FILE, "ServiceInfo", updated.json());
        assertThat(updated.json().get("state").asText()).isEqualTo("INACTIVE");
        assertThat(mgmt.servicesOf(app)).extracting(ServiceInfo::serInstanceId).containsExactly(id);

        assertThat(TestHttp.delete(self).status()).isEqualTo(204);
        assertThat(TestHttp.get(self).status()).isEqualTo(404);
        assertThat(mgmt.discover(Query.byName("cse-mn1"))).isEmpty();
    }

    @Test
    void discovers_services_with_each_filter() {
        String a = mgmt.register(app, cse("cse-a")).serInstanceId();
        ServiceInfo systemWide = new ServiceInfo(null, "cse-b", new CategoryRef("http://c", "other", "other", "v1"),
                "v1", ServiceState.ACTIVE, "oneedge-rest-http", null, org.oneedge.mec.api.servicemgmt.SerializerType.JSON,
                LocalityType.MEC_SYSTEM, true, null, null, null);
        String b = mgmt.register(app, systemWide).serInstanceId();
        var mep2 = new MecServiceMgmtClient(platform.baseUrl() + "/mep2");

        assertThat(ids(Query.byInstanceId(a))).containsExactly(a);
        assertThat(ids(Query.byName("cse-a", "cse-b"))).containsExactly(a, b);
        assertThat(ids(Query.byCategory("oneM2M"))).containsExactly(a);
        assertThat(ids(Query.all().scope(LocalityType.MEC_SYSTEM))).contains(b).doesNotContain(a);
        assertThat(ids(Query.all().consumedLocalOnly(true))).containsExactly(b);
        assertThat(ids(Query.byName("cse-a").local(true))).containsExactly(a);
        assertThat(mep2.discover(Query.byName("cse-a").local(true))).isEmpty();
        assertThat(mep2.discover(Query.byName("cse-a").local(false))).extracting(ServiceInfo::serInstanceId)
                .containsExactly(a);
        var raw = TestHttp.get(api + "/services?ser_name=cse-a,cse-b&consumed_local_only=false");
        assertResponseConforms(FILE, "/services", "GET", 200, raw.json());
        assertThat(raw.json()).hasSize(1);
    }

    @Test
    void hides_services_consumed_locally_only_from_other_hosts() {
        ServiceInfo localOnly = new ServiceInfo(null, "cse-local", CSE, "v4", ServiceState.ACTIVE,
                "oneedge-rest-http", null, org.oneedge.mec.api.servicemgmt.SerializerType.JSON, null, null, null, null,
                null);
        String id = mgmt.register(app, localOnly).serInstanceId();
        var mep2 = new MecServiceMgmtClient(platform.baseUrl() + "/mep2");
        var root = new MecServiceMgmtClient(platform.baseUrl());

        assertThat(mgmt.service(id).consumedLocalOnly()).isTrue();
        assertThat(mgmt.discover(Query.byName("cse-local"))).hasSize(1);
        assertThat(root.discover(Query.byName("cse-local"))).hasSize(1);
        assertThat(mep2.discover(Query.byName("cse-local"))).isEmpty();
    }

    @Test
    void suspends_a_service_that_misses_its_heartbeats_until_it_beats_again() {
        platform.close();
        var clock = org.oneedge.mec.platform.MutableClock.startingNow();
        platform = MecPlatform.builder().config(MecPlatformConfig.builder().clock(clock)
                .expiryCheckInterval(java.time.Duration.ofMillis(50)).build()).build().start();
        var mp1 = new MecAppSupportClient(platform.baseUrl());
        String id = mp1.register(AppInfo.named("hb")).appInstanceId();
        mp1.confirmReady(id);
        var client = new MecServiceMgmtClient(platform.baseUrl());
        client.subscribe(id, SerAvailabilityNotificationSubscription.of(receiver.url(),
                FilteringCriteria.serNames("hb")));
        ServiceInfo registered = client.register(id, new ServiceInfo(null, "hb", CSE, "1", ServiceState.ACTIVE,
                "oneedge-rest-http", null, org.oneedge.mec.api.servicemgmt.SerializerType.JSON, null, false, null, 5,
                null));
        assertThat(registered.livenessInterval()).isEqualTo(5);

        clock.advance(java.time.Duration.ofSeconds(11));

        await().until(() -> client.service(registered.serInstanceId()).state() == ServiceState.SUSPENDED);
        client.heartbeat(registered, ServiceState.ACTIVE);
        assertThat(client.service(registered.serInstanceId()).state()).isEqualTo(ServiceState.ACTIVE);
        await().untilAsserted(() -> assertThat(receiver.received()).extracting(
                n -> n.at("/serviceReferences/0/changeType").asText() + "/" + n.at("/serviceReferences/0/state").asText())
                .containsExactly("ADDED/ACTIVE", "STATE_CHANGED/SUSPENDED", "STATE_CHANGED/ACTIVE"));
    }

    private List<String> ids(Query q) {
        return mgmt.discover(q).stream().map(ServiceInfo::serInstanceId).toList();
    }

    @Test
    void rejects_invalid_filters_and_bodies_with_problem_details_and_no_state_change() {
        int before = platform.context().serviceRegistry().all().size();
        var exclusive = TestHttp.get(api + "/services?ser_name=a&ser_category_id=b");
        var badScope = TestHttp.get(api + "/services?scope_of_locality=GALAXY");
        var badBool = TestHttp.get(api + "/services?is_local=maybe");
        var unknownParam = TestHttp.get(api + "/services?colour=red");
        var missingVersion = TestHttp.post(api + "/applications/" + app + "/services",
                "{\"serName\":\"x\",\"state\":\"ACTIVE\",\"serializer\":\"JSON\",\"transportId\":\"oneedge-rest-http\"}");
        var badState = TestHttp.post(api + "/applications/" + app + "/services",
                "{\"serName\":\"x\",\"version\":\"1\",\"state\":\"ON\",\"serializer\":\"JSON\"}");
        var noTransport = TestHttp.post(api + "/applications/" + app + "/services",
                "{\"serName\":\"x\",\"version\":\"1\",\"state\":\"ACTIVE\",\"serializer\":\"JSON\"}");
        var malformed = TestHttp.post(api + "/applications/" + app + "/services", "[1,");
        var unknownService = TestHttp.get(api + "/services/nope");
        var unknownApp = TestHttp.post(api + "/applications/nope/services", cse("x"));

        for (var bad : List.of(exclusive, badScope, badBool, unknownParam, missingVersion, badState, noTransport,
                malformed)) {
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            assertConformsTo(FILE, "ProblemDetails", bad.json());
        }
        assertThat(exclusive.json().get("detail").asText()).contains("mutually exclusive");
        assertThat(badScope.json().get("detail").asText()).contains("scope_of_locality");
        assertThat(unknownParam.json().get("detail").asText()).contains("colour");
        assertThat(missingVersion.json().get("detail").asText()).contains("version");
        assertThat(badState.json().get("detail").asText()).contains("state");
        assertThat(unknownService.status()).isEqualTo(404);
        assertThat(unknownApp.status()).isEqualTo(404);
        assertThat(platform.context().serviceRegistry().all()).hasSize(before);
    }

    @Test
    void refuses_service_registration_before_confirm_ready() {
        String notReady = new MecAppSupportClient(platform.baseUrl()).register(AppInfo.named("late"))
                .appInstanceId();

        assertThatThrownBy(() -> mgmt.register(notReady, cse("x")))
                .isInstanceOfSatisfying(MecProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.problem().detail()).contains("confirm_ready");
                });
    }

    @Test
    void notifies_availability_changes_that_match_the_filter() {
        var subscription = mgmt.subscribe(app, SerAvailabilityNotificationSubscription.of(receiver.url(),
                FilteringCriteria.serNames("cse-a")));
        assertConformsTo(FILE, "SerAvailabilityNotificationSubscription", subscription);
        var list = TestHttp.get(api + "/applications/" + app + "/subscriptions");
        assertConformsTo(FILE, "SubscriptionLinkList", list.json());
        assertThat(list.json().at("/_links/subscriptions/0/subscriptionType").asText())
                .isEqualTo("SerAvailabilityNotificationSubscription");

        ServiceInfo a = mgmt.register(app, cse("cse-a"));
        mgmt.register(app, cse("cse-other"));
        mgmt.update(app, a.withState(ServiceState.SUSPENDED));
        mgmt.deregister(app, a.serInstanceId());

        await().untilAsserted(() -> assertThat(receiver.received()).hasSize(3));
        for (JsonNode n : receiver.received()) {
            assertConformsTo(FILE, "ServiceAvailabilityNotification", n);
            assertThat(n.get("notificationType").asText()).isEqualTo("SerAvailabilityNotification");
            assertThat(n.at("/serviceReferences/0/serName").asText()).isEqualTo("cse-a");
            assertThat(n.at("/_links/subscription/href").asText()).isEqualTo(subscription.links().self().href());
        }
        assertThat(receiver.received()).extracting(n -> n.at("/serviceReferences/0/changeType").asText())
                .containsExactly("ADDED", "STATE_CHANGED", "REMOVED");

        mgmt.unsubscribe(subscription.links().self().href());
        assertThat(mgmt.subscriptions(app).links().subscriptions()).isEmpty();
    }

    @Test
    void offers_the_platform_transport_and_accepts_heartbeats() {
        var transports = TestHttp.get(api + "/transports");
        assertResponseConforms(FILE, "/transports", "GET", 200, transports.json());
        assertThat(transports.json().get(0).get("type").asText()).isEqualTo("REST_HTTP");

        ServiceInfo withHeartbeat = new ServiceInfo(null, "hb", CSE, "1", ServiceState.ACTIVE, "oneedge-rest-http",
                null, org.oneedge.mec.api.servicemgmt.SerializerType.JSON, null, null, null, 0, null);
        ServiceInfo registered = mgmt.register(app, withHeartbeat);
        assertThat(registered.livenessInterval()).isPositive();
        var liveness = TestHttp.patch(registered.links().liveness().href(), "{\"state\":\"SUSPENDED\"}");

        assertThat(liveness.status()).isEqualTo(200);
        assertConformsTo(FILE, "ServiceLivenessInfo", liveness.json());
        assertThat(mgmt.service(registered.serInstanceId()).state()).isEqualTo(ServiceState.SUSPENDED);
    }
}
