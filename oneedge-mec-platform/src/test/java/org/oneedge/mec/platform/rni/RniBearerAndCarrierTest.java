package org.oneedge.mec.platform.rni;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.api.rni.AssociateId;
import org.oneedge.mec.api.rni.CaReconfSubscription;
import org.oneedge.mec.api.rni.FilterCriteriaAssoc;
import org.oneedge.mec.api.rni.FilterCriteriaQciErab;
import org.oneedge.mec.api.rni.RabModSubscription;
import org.oneedge.mec.api.rni.RniClient;
import org.oneedge.mec.api.rni.RniSubscription;
import org.oneedge.mec.api.rni.S1BearerEvent;
import org.oneedge.mec.api.rni.S1BearerInfo;
import org.oneedge.mec.api.rni.S1BearerSubscription;
import org.oneedge.mec.api.rni.S1BearerSubscriptionCriteria;
import org.oneedge.mec.platform.NotificationReceiver;
import org.oneedge.mec.platform.TestHttp;
import org.oneedge.mec.platform.emulator.EmulatedMec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.oneedge.mec.platform.conformance.MecConformance.assertConformsTo;

/** MEC 012 E-RAB modification, carrier aggregation reconfiguration and S1 bearer events, driven by the emulator. */
class RniBearerAndCarrierTest {

    private static final String RNI = "RniAPI.yaml";
    private static final List<S1BearerEvent> ALL_S1_EVENTS = List.of(S1BearerEvent.S1_BEARER_ESTABLISH,
            S1BearerEvent.S1_BEARER_MODIFY, S1BearerEvent.S1_BEARER_RELEASE);

    private EmulatedMec mec;
    private NotificationReceiver receiver;
    private RniClient rni;

    @BeforeEach
    void start() {
        mec = EmulatedMec.start();
        receiver = new NotificationReceiver();
        rni = RniClient.of(mec.url("/rni/v2"));
    }

    @AfterEach
    void stop() {
        receiver.close();
        mec.close();
    }

    private List<JsonNode> about(String type, String subscriptionHref) {
        return receiver.ofType(type).stream()
                .filter(n -> n.at("/subscription/0/href").asText().equals(subscriptionHref)).toList();
    }

    private int erabIdOf(String ue) {
        return rni.rabInfo(Map.of("ue_ipv4_address", ue)).cellUserInfo().get(0).ueInfo().get(0).erabInfo().get(0)
                .erabId();
    }

    @Test
    void scenario_qos_change_is_notified_as_rab_modification_and_shown_by_rab_info() {
        mec.advance(Duration.ofSeconds(1));
        int erabId = erabIdOf("10.0.0.2");
        RniSubscription mod = rni.subscribe(RabModSubscription.of(receiver.url("/mod"),
                new FilterCriteriaQciErab(null, erabId, null, 2), null));
        RniSubscription other = rni.subscribe(RabModSubscription.of(receiver.url("/mod7"),
                new FilterCriteriaQciErab(null, erabId, null, 7), null));
        assertConformsTo(RNI, "RabModSubscription", TestHttp.get(mod.links().self().href()).json());

        mec.advance(Duration.ofSeconds(5));

        await().until(() -> about("RabModNotification", mod.links().self().href()).size() == 1);
        JsonNode upgraded = about("RabModNotification", mod.links().self().href()).get(0);
        assertThat(upgraded.get("erabId").asInt()).isEqualTo(erabId);
        assertThat(upgraded.at("/ecgi/cellId").asText()).isEqualTo("0A0000A");
        assertThat(upgraded.at("/associateId/0/value").asText()).isEqualTo("10.0.0.2");
        assertThat(upgraded.at("/erabQosParameters/qci").asInt()).isEqualTo(2);
        assertThat(upgraded.at("/erabQosParameters/qosInformation/erabGbrDl").asInt()).isEqualTo(2000);
        assertThat(upgraded.at("/erabQosParameters/qosInformation/erabMbrUl").asInt()).isEqualTo(1000);
        assertConformsTo(RNI, "RabModNotification", upgraded);
        JsonNode rab = TestHttp.get(mec.url("/rni/v2/queries/rab_info?erab_gbr_dl=2000&qci=2")).json();
        assertThat(rab.at("/cellUserInfo/0/ueInfo")).singleElement().satisfies(u -> assertThat(
                u.at("/erabInfo/0/erabQosParameters/qosInformation/erabGbrUl").asInt()).isEqualTo(500));
        assertConformsTo(RNI, "RabInfo", rab);

        mec.advance(Duration.ofSeconds(5));

        await().until(() -> about("RabModNotification", mod.links().self().href()).size() == 2);
        JsonNode back = about("RabModNotification", mod.links().self().href()).get(1);
        assertThat(back.at("/erabQosParameters/qci").asInt()).isEqualTo(9); // watched by its QCI before the change
        assertThat(back.at("/erabQosParameters/qosInformation").isMissingNode()).isTrue();
        assertConformsTo(RNI, "RabModNotification", back);
        assertThat(about("RabModNotification", other.links().self().href())).isEmpty();
        assertThat(TestHttp.get(mec.url("/rni/v2/queries/rab_info?erab_gbr_dl=2000")).json()
                .path("cellUserInfo")).isEmpty();
    }

    @Test
    void secondary_cells_gained_and_lost_are_notified_as_carrier_aggregation_reconfiguration() {
        RniSubscription ca = rni.subscribe(CaReconfSubscription.of(receiver.url("/ca"), new FilterCriteriaAssoc(null,
                List.of(AssociateId.ipv4("10.0.0.1")), null), null));
        assertConformsTo(RNI, "CaReconfSubscription", TestHttp.get(ca.links().self().href()).json());

        mec.advance(Duration.ofSeconds(45));

        await().until(() -> receiver.ofType("CaReconfNotification").stream()
                .anyMatch(n -> n.at("/secondaryCellRemove/0/ecgi/cellId").asText().equals("0A0000A")));
        List<JsonNode> all = receiver.ofType("CaReconfNotification");
        JsonNode first = all.get(0); // on a1, a2 comes into reach first
        assertThat(first.at("/ecgi/cellId").asText()).isEqualTo("0A0000A");
        assertThat(first.at("/secondaryCellAdd/0/ecgi/cellId").asText()).isEqualTo("0A0000B");
        assertThat(first.at("/associateId/0/value").asText()).isEqualTo("10.0.0.1");
        assertThat(first.at("/carrierAggregationMeasInfo/0/cellIdSrv").asText()).isEqualTo("0A0000A");
        assertThat(first.at("/carrierAggregationMeasInfo/1/cellIdSrv").asText()).isEqualTo("0A0000B");
        // after the handover to a2, a1 is the secondary cell until the UE drives out of its reach
        assertThat(all).anySatisfy(n -> {
            assertThat(n.at("/ecgi/cellId").asText()).isEqualTo("0A0000B");
            assertThat(n.at("/secondaryCellAdd/0/ecgi/cellId").asText()).isEqualTo("0A0000A");
        });
        assertThat(all).allSatisfy(n -> {
            assertThat(n.at("/subscription/0/href").asText()).isEqualTo(ca.links().self().href());
            assertConformsTo(RNI, "CaReconfNotification", n);
        });
    }

    @Test
    void s1_bearer_follows_the_ue_across_cells_and_mec_hosts() {
        S1BearerSubscriptionCriteria car = new S1BearerSubscriptionCriteria(
                List.of(AssociateId.ipv4("10.0.0.1")), null, null);
        RniSubscription system = rni.subscribe(S1BearerSubscription.of(receiver.url("/s1"), ALL_S1_EVENTS, car,
                null));
        RniSubscription hostA = RniClient.of(mec.url("/mec-host-a/rni/v2")).subscribe(S1BearerSubscription.of(
                receiver.url("/s1a"), ALL_S1_EVENTS, car, null));
        RniSubscription hostB = RniClient.of(mec.url("/mec-host-b/rni/v2")).subscribe(S1BearerSubscription.of(
                receiver.url("/s1b"), ALL_S1_EVENTS, car, null));
        RniSubscription releases = rni.subscribe(S1BearerSubscription.of(receiver.url("/s1r"),
                List.of(S1BearerEvent.S1_BEARER_RELEASE), new S1BearerSubscriptionCriteria(null, null, null), null));
        assertConformsTo(RNI, "S1BearerSubscription", TestHttp.get(system.links().self().href()).json());

        mec.advance(Duration.ofSeconds(45)); // attach on a1, a1→a2, a2→b1 (mec-host-a → mec-host-b)

        await().until(() -> about("S1BearerNotification", hostB.links().self().href()).size() == 1
                && about("S1BearerNotification", system.links().self().href()).size() == 3);
        assertThat(events(system)).containsExactly("S1_BEARER_ESTABLISH", "S1_BEARER_MODIFY", "S1_BEARER_MODIFY");
        assertThat(events(hostA)).containsExactly("S1_BEARER_ESTABLISH", "S1_BEARER_MODIFY", "S1_BEARER_RELEASE");
        assertThat(events(hostB)).containsExactly("S1_BEARER_ESTABLISH");
        assertThat(about("S1BearerNotification", releases.links().self().href())).isEmpty(); // 10.0.0.2 stays
        List<JsonNode> seen = about("S1BearerNotification", system.links().self().href());
        assertThat(seen).extracting(n -> n.at("/s1UeInfo/ecgi/0/cellId").asText())
                .containsExactly("0A0000A", "0A0000B", "0B0000A");
        JsonNode onHostA = seen.get(1).at("/s1UeInfo/s1BearerInfo/0");
        JsonNode onHostB = seen.get(2).at("/s1UeInfo/s1BearerInfo/0");
        assertThat(onHostA.at("/erabId").asInt()).isEqualTo(onHostB.at("/erabId").asInt());
        assertThat(onHostA.at("/enbInfo/ipAddress").asText()).isNotEqualTo(onHostB.at("/enbInfo/ipAddress").asText());
        assertThat(onHostA.at("/sGwInfo/ipAddress").asText()).isNotEqualTo(onHostB.at("/sGwInfo/ipAddress").asText());
        receiver.ofType("S1BearerNotification").forEach(n -> {
            assertThat(n.at("/s1UeInfo/associateId/0/value").asText()).isEqualTo("10.0.0.1");
            assertConformsTo(RNI, "S1BearerNotification", n);
        });

        JsonNode info = TestHttp.get(mec.url("/rni/v2/queries/s1_bearer_info?ue_ipv4_address=10.0.0.1")).json();
        assertThat(info.get("s1UeInfo")).singleElement().satisfies(u -> {
            assertThat(u.at("/ecgi/0/cellId").asText()).isEqualTo("0B0000A");
            assertThat(u.at("/s1BearerInfoDetailed/0/sGwInfo")).isEqualTo(onHostB.get("sGwInfo"));
            // RniAPI.yaml's S1BearerInfo schema has the fields of one bearer; the answer's parts are checked instead
            assertConformsTo(RNI, "S1UeInfo", u);
        });
        assertConformsTo(RNI, "TimeStamp", info.get("timeStamp"));
        String teid = onHostB.at("/enbInfo/tunnelId").asText();
        S1BearerInfo byTeid = rni.s1BearerInfo(Map.of("gtp_teid", teid));
        assertThat(byTeid.s1UeInfo()).singleElement().satisfies(u ->
                assertThat(u.associateId().get(0).value()).isEqualTo("10.0.0.1"));
        S1BearerInfo hostAView = RniClient.of(mec.url("/mec-host-a/rni/v2")).s1BearerInfo(Map.of());
        assertThat(hostAView.s1UeInfo()).extracting(u -> u.associateId().get(0).value()).containsExactly("10.0.0.2");
        String tmsi = hostAView.s1UeInfo().get(0).tempUeId().mtmsi();
        assertThat(rni.s1BearerInfo(Map.of("temp_ue_id", tmsi)).s1UeInfo()).hasSize(1);
        assertThat(rni.s1BearerInfo(Map.of("erab_id", "999")).s1UeInfo()).isEmpty();
    }

    private List<String> events(RniSubscription s) {
        return about("S1BearerNotification", s.links().self().href()).stream().map(n -> n.get("s1Event").asText())
                .toList();
    }

    @Test
    void bad_bearer_and_carrier_subscriptions_get_problem_details_and_change_nothing() {
        String url = mec.url("/rni/v2/subscriptions");
        assertBadRequest(TestHttp.post(url, """
                {"subscriptionType":"RabModSubscription","callbackReference":"http://127.0.0.1:1/x",
                 "filterCriteriaQci":{"qci":9}}"""), "erabId");
        assertBadRequest(TestHttp.post(url, """
                {"subscriptionType":"RabModSubscription","callbackReference":"http://127.0.0.1:1/x"}"""),
                "filterCriteriaQci");
        assertBadRequest(TestHttp.post(url, """
                {"subscriptionType":"CaReconfSubscription","callbackReference":"http://127.0.0.1:1/x"}"""),
                "filterCriteriaAssoc");
        assertBadRequest(TestHttp.post(url, """
                {"subscriptionType":"S1BearerSubscription","callbackReference":"http://127.0.0.1:1/x",
                 "S1BearerSubscriptionCriteria":{}}"""), "eventType");
        assertBadRequest(TestHttp.post(url, """
                {"subscriptionType":"S1BearerSubscription","callbackReference":"http://127.0.0.1:1/x",
                 "eventType":[0],"S1BearerSubscriptionCriteria":{}}"""), "eventType");
        assertBadRequest(TestHttp.post(url, """
                {"subscriptionType":"S1BearerSubscription","callbackReference":"http://127.0.0.1:1/x",
                 "eventType":["S1_BEARER_SUSPEND"],"S1BearerSubscriptionCriteria":{}}"""), "eventType");
        assertBadRequest(TestHttp.post(url, """
                {"subscriptionType":"S1BearerSubscription","callbackReference":"http://127.0.0.1:1/x",
                 "eventType":[1]}"""), "S1BearerSubscriptionCriteria");
        assertBadRequest(TestHttp.post(url, """
                {"subscriptionType":"S1BearerSubscription","eventType":[1],
                 "S1BearerSubscriptionCriteria":{}}"""), "callbackReference");
        assertBadRequest(TestHttp.post(url, """
                {"subscriptionType":"CaReConfSubscription","callbackReference":"http://127.0.0.1:1/x",
                 "filterCriteriaAssoc":{}}"""), "CaReconfSubscription");
        assertBadRequest(TestHttp.get(mec.url("/rni/v2/queries/s1_bearer_info?erab_id=one")), "erab_id");
        assertBadRequest(TestHttp.get(mec.url("/rni/v2/queries/s1_bearer_info?qci=9")), "qci");
        assertThat(TestHttp.get(mec.url("/rni/v2/subscriptions?subscription_type=s1_bearer")).json()
                .at("/_links/subscription")).isEmpty();
        assertThat(rni.subscriptions(null).links().subscription()).isNullOrEmpty();

        TestHttp.Answer named = TestHttp.post(url, """
                {"subscriptionType":"S1BearerSubscription","callbackReference":"http://127.0.0.1:1/x",
                 "eventType":["S1_BEARER_ESTABLISH", 3],"S1BearerSubscriptionCriteria":{"erabId":[1]}}""");
        assertThat(named.status()).isEqualTo(201);
        assertThat(named.json().get("eventType")).extracting(JsonNode::asInt).containsExactly(1, 3);
        assertConformsTo(RNI, "S1BearerSubscription", named.json());
        assertThat(TestHttp.get(mec.url("/rni/v2/subscriptions?subscription_type=s1_bearer")).json()
                .at("/_links/subscription")).hasSize(1);

        String href = named.header("Location").orElseThrow();
        assertBadRequest(TestHttp.put(href, """
                {"subscriptionType":"S1BearerSubscription","callbackReference":"http://127.0.0.1:1/y",
                 "eventType":[7],"S1BearerSubscriptionCriteria":{}}"""), "eventType");
        assertBadRequest(TestHttp.put(href, """
                {"subscriptionType":"CaReconfSubscription","callbackReference":"http://127.0.0.1:1/y",
                 "filterCriteriaAssoc":{}}"""), "subscriptionType cannot change");
        JsonNode unchanged = TestHttp.get(href).json();
        assertThat(unchanged.get("callbackReference").asText()).isEqualTo("http://127.0.0.1:1/x");
        assertThat(unchanged.get("eventType")).extracting(JsonNode::asInt).containsExactly(1, 3);
    }

    private static void assertBadRequest(TestHttp.Answer answer, String detailMentions) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/problem+json"));
        assertThat(answer.json().get("detail").asText()).contains(detailMentions);
        assertConformsTo(RNI, "ProblemDetails", answer.json());
    }
}
