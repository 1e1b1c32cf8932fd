package org.oneedge.mec.platform.rni;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.common.TimeStamp;
import org.oneedge.mec.api.rni.AssociateId;
import org.oneedge.mec.api.rni.CellChangeSubscription;
import org.oneedge.mec.api.rni.FilterCriteriaAssocHo;
import org.oneedge.mec.api.rni.FilterCriteriaAssocTri;
import org.oneedge.mec.api.rni.Ecgi;
import org.oneedge.mec.api.rni.FilterCriteriaAssoc;
import org.oneedge.mec.api.rni.FilterCriteriaNrMrs;
import org.oneedge.mec.api.rni.MeasTaSubscription;
import org.oneedge.mec.api.rni.FilterCriteriaQci;
import org.oneedge.mec.api.rni.FilterCriteriaQciErab;
import org.oneedge.mec.api.rni.HoStatus;
import org.oneedge.mec.api.rni.NrMeasRepUeSubscription;
import org.oneedge.mec.api.rni.Plmn;
import org.oneedge.mec.api.rni.RabEstSubscription;
import org.oneedge.mec.api.rni.RabRelSubscription;
import org.oneedge.mec.api.rni.TriggerNr;
import org.oneedge.mec.api.rni.MeasRepUeSubscription;
import org.oneedge.mec.api.rni.RabInfo;
import org.oneedge.mec.api.rni.RniClient;
import org.oneedge.mec.api.rni.RniSubscription;
import org.oneedge.mec.api.rni.Trigger;
import org.oneedge.mec.platform.NotificationReceiver;
import org.oneedge.mec.platform.TestHttp;
import org.oneedge.mec.platform.emulator.EmulatedMec;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.oneedge.mec.platform.conformance.MecConformance.assertConformsTo;
import static org.oneedge.mec.platform.conformance.MecConformance.assertEachConformsTo;

class RniApiTest {

    private static final String RNI = "RniAPI.yaml";

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

    @Test
    void ue_crossing_cells_produces_cell_change_notifications_with_ecgis() {
        RniSubscription s = rni.subscribe(CellChangeSubscription.of(receiver.url("/cc"),
                new FilterCriteriaAssocHo(null, List.of(AssociateId.ipv4("10.0.0.1")), null, null), null));
        assertThat(s.links().self().href()).startsWith(mec.url("/rni/v2/subscriptions/"));
        assertThat(((CellChangeSubscription) s).filterCriteriaAssocHo().hoStatus())
                .containsExactly(HoStatus.COMPLETED);

        mec.advance(Duration.ofSeconds(45));

        await().until(() -> receiver.ofType("CellChangeNotification").size() >= 2);
        List<JsonNode> notifications = receiver.ofType("CellChangeNotification");
        JsonNode first = notifications.get(0);
        assertThat(first.at("/srcEcgi/cellId").asText()).isEqualTo("0A0000A");
        assertThat(first.at("/trgEcgi/0/cellId").asText()).isEqualTo("0A0000B");
        assertThat(first.at("/srcEcgi/plmn/mcc").asText()).isEqualTo("001");
        assertThat(first.get("hoStatus").asInt()).isEqualTo(3);
        assertThat(first.at("/associateId/0/type").asInt()).isEqualTo(1);
        assertThat(first.at("/associateId/0/value").asText()).isEqualTo("10.0.0.1");
        assertThat(first.at("/subscription/0/href").asText()).isEqualTo(s.links().self().href());
        assertThat(notifications.get(1).at("/trgEcgi/0/cellId").asText()).isEqualTo("0B0000A");
        notifications.forEach(n -> assertConformsTo(RNI, "CellChangeNotification", n));
    }

    @Test
    void parked_ue_reports_periodic_measurements_of_serving_and_neighbour_cells() {
        rni.subscribe(MeasRepUeSubscription.of(receiver.url("/meas"), new FilterCriteriaAssocTri(null,
                List.of(AssociateId.ipv4("10.0.0.2")), null, List.of(Trigger.PERIODICAL_REPORT_STRONGEST_CELLS)),
                null));

        mec.advance(Duration.ofSeconds(5));

        await().until(() -> receiver.ofType("MeasRepUeNotification").size() >= 4);
        for (JsonNode n : receiver.ofType("MeasRepUeNotification")) {
            assertThat(n.at("/associateId/0/value").asText()).isEqualTo("10.0.0.2");
            assertThat(n.at("/ecgi/cellId").asText()).isEqualTo("0A0000A");
            assertThat(n.get("trigger").asInt()).isEqualTo(1);
            assertThat(n.get("rsrp").asInt()).isBetween(60, 97); // about 10 m from the antenna
            assertThat(n.get("rsrq").asInt()).isBetween(0, 34);
            assertThat(n.at("/eutranNeighbourCellMeasInfo/0/ecgi/cellId").asText()).isEqualTo("0A0000B");
            assertConformsTo(RNI, "MeasRepUeNotification", n);
        }
    }

    @Test
    void handover_decision_is_reported_with_event_a3_trigger() {
        rni.subscribe(MeasRepUeSubscription.of(receiver.url("/a3"), new FilterCriteriaAssocTri(null, null, null,
                List.of(Trigger.EVENT_A3)), null));

        mec.advance(Duration.ofSeconds(25));

        await().until(() -> !receiver.ofType("MeasRepUeNotification").isEmpty());
        JsonNode n = receiver.ofType("MeasRepUeNotification").get(0);
        assertThat(n.get("trigger").asInt()).isEqualTo(12);
        assertThat(n.at("/ecgi/cellId").asText()).isEqualTo("0A0000A");
        assertThat(n.at("/eutranNeighbourCellMeasInfo/0/ecgi/cellId").asText()).isEqualTo("0A0000B");
        assertThat(n.at("/eutranNeighbourCellMeasInfo/0/rsrp").asInt()).isGreaterThan(n.get("rsrp").asInt());
    }

    @Test
    void bearers_are_established_in_the_target_cell_and_released_in_the_source_cell() {
        mec.advance(Duration.ofSeconds(1));
        int erabId = rni.rabInfo(Map.of("ue_ipv4_address", "10.0.0.1")).cellUserInfo().get(0).ueInfo().get(0)
                .erabInfo().get(0).erabId();
        RniSubscription est = rni.subscribe(RabEstSubscription.of(receiver.url("/est"),
                new FilterCriteriaQci(null, List.of(new Ecgi(new Plmn("001", "01"), "0A0000B")), 9), null));
        rni.subscribe(RabRelSubscription.of(receiver.url("/rel"), new FilterCriteriaQciErab(null, erabId, null, 9),
                null));
        rni.subscribe(RabEstSubscription.of(receiver.url("/est7"), new FilterCriteriaQci(null, null, 7), null));
        TestHttp.Answer stored = TestHttp.get(est.links().self().href());
        assertConformsTo(RNI, "RabEstSubscription", stored.json());

        mec.advance(Duration.ofSeconds(45));

        await().until(() -> receiver.ofType("RabRelNotification").size() >= 2);
        JsonNode established = receiver.ofType("RabEstNotification").get(0);
        assertThat(receiver.ofType("RabEstNotification")).hasSize(1); // only cell a2, only QCI 9
        assertThat(established.at("/ecgi/cellId").asText()).isEqualTo("0A0000B");
        assertThat(established.get("erabId").asInt()).isEqualTo(erabId);
        assertThat(established.at("/erabQosParameters/qci").asInt()).isEqualTo(9);
        assertThat(established.at("/associateId/0/value").asText()).isEqualTo("10.0.0.1");
        assertConformsTo(RNI, "RabEstNotification", established);
        List<JsonNode> released = receiver.ofType("RabRelNotification");
        assertThat(released).extracting(n -> n.at("/ecgi/cellId").asText()).startsWith("0A0000A", "0A0000B");
        assertThat(released).allSatisfy(n -> {
            assertThat(n.at("/erabReleaseInfo/erabId").asInt()).isEqualTo(erabId);
            assertConformsTo(RNI, "RabRelNotification", n);
        });
    }

    @Test
    void ue_served_by_a_5g_cell_sends_nr_measurement_reports() {
        RniSubscription s = rni.subscribe(NrMeasRepUeSubscription.of(receiver.url("/nr"),
                new FilterCriteriaNrMrs(null, List.of(AssociateId.ipv4("10.0.0.1")), null,
                        List.of(TriggerNr.NR_PERIODICAL)), null));
        assertConformsTo(RNI, "NrMeasRepUeSubscription", TestHttp.get(s.links().self().href()).json());

        mec.advance(Duration.ofSeconds(70));

        await().until(() -> !receiver.ofType("NrMeasRepUeNotification").isEmpty());
        for (JsonNode n : receiver.ofType("NrMeasRepUeNotification")) {
            assertThat(n.get("triggerNr").asInt()).isEqualTo(1);
            assertThat(n.at("/servCellMeasInfo/0/nrcgi/nrCellId").asText()).isEqualTo("00B0000B1");
            assertThat(n.at("/servCellMeasInfo/0/sCell/measQuantityResultsSsbCell/rsrp").asInt()).isBetween(0, 127);
            assertThat(n.at("/eutraNeighCellMeasInfo/0/ecgi/cellId").asText()).isEqualTo("0B0000A");
            assertThat(n.at("/subscription/0/href").asText()).isEqualTo(s.links().self().href());
            assertConformsTo(RNI, "NrMeasRepUeNotification", n);
        }
        assertThat(receiver.ofType("MeasRepUeNotification")).isEmpty();
    }

    @Test
    void timing_advance_grows_with_the_distance_to_the_antenna() {
        RniSubscription s = rni.subscribe(MeasTaSubscription.of(receiver.url("/ta"), new FilterCriteriaAssoc(null,
                null, List.of(new Ecgi(new Plmn("001", "01"), "0A0000A"))), null));
        assertConformsTo(RNI, "MeasTaSubscription", TestHttp.get(s.links().self().href()).json());

        mec.advance(Duration.ofSeconds(10));

        await().until(() -> receiver.ofType("MeasTaNotification").stream()
                .anyMatch(n -> n.at("/associateId/0/value").asText().equals("10.0.0.1")
                        && n.get("timingAdvance").asInt() >= 1)); // 100 m away at first, one step = 78 m
        List<JsonNode> parked = receiver.ofType("MeasTaNotification").stream()
                .filter(n -> n.at("/associateId/0/value").asText().equals("10.0.0.2")).toList();
        assertThat(parked).isNotEmpty().allSatisfy(n -> assertThat(n.get("timingAdvance").asInt()).isZero());
        receiver.ofType("MeasTaNotification").forEach(n -> {
            assertThat(n.at("/ecgi/cellId").asText()).isEqualTo("0A0000A");
            assertConformsTo(RNI, "MeasTaNotification", n);
        });
    }

    @Test
    void queries_return_what_the_emulator_holds() {
        mec.advance(Duration.ofSeconds(1));
        RabInfo rab = rni.rabInfo(Map.of("cell_id", "0A0000A", "app_ins_id", "app-1"));
        assertThat(rab.appInstanceId()).isEqualTo("app-1");
        assertThat(rab.cellUserInfo()).singleElement().satisfies(c -> {
            assertThat(c.ecgi().cellId()).isEqualTo("0A0000A");
            assertThat(c.ueInfo()).extracting(u -> u.associateId().get(0).value())
                    .containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2");
        });
        JsonNode raw = TestHttp.get(mec.url("/rni/v2/queries/rab_info?ue_ipv4_address=10.0.0.2")).json();
        assertThat(raw.at("/cellUserInfo/0/ueInfo")).hasSize(1);
        assertConformsTo(RNI, "RabInfo", raw);

        JsonNode plmn = TestHttp.get(mec.url("/rni/v2/queries/plmn_info?app_ins_id=app-1,app-2")).json();
        assertThat(plmn).hasSize(2);
        assertThat(plmn.at("/1/plmn/0/mnc").asText()).isEqualTo("01");
        assertEachConformsTo(RNI, "PlmnInfo", plmn);

        JsonNode l2 = TestHttp.get(mec.url("/rni/v2/queries/layer2_meas")).json();
        assertThat(l2.get("cellInfo")).hasSize(3); // the 4G cells
        assertThat(l2.at("/cellInfo/0/number_of_active_ue_dl_nongbr_cell").asInt()).isEqualTo(2);
        assertConformsTo(RNI, "L2Meas", l2);

        JsonNode hostB = TestHttp.get(mec.url("/mec-host-b/rni/v2/queries/layer2_meas")).json();
        assertThat(hostB.get("cellInfo")).singleElement()
                .satisfies(c -> assertThat(c.at("/ecgi/cellId").asText()).isEqualTo("0B0000A"));
    }

    @Test
    void subscriptions_can_be_listed_replaced_and_deleted() {
        RniSubscription s = rni.subscribe(CellChangeSubscription.of(receiver.url("/a"),
                new FilterCriteriaAssocHo(null, null, null, null), null));
        rni.subscribe(MeasRepUeSubscription.of(receiver.url("/b"), new FilterCriteriaAssocTri(null, null, null,
                null), null));
        String href = s.links().self().href();

        JsonNode list = TestHttp.get(mec.url("/rni/v2/subscriptions?subscription_type=cell_change")).json();
        assertThat(list.at("/_links/subscription")).singleElement()
                .satisfies(l -> assertThat(l.get("href").asText()).isEqualTo(href));
        assertConformsTo(RNI, "SubscriptionLinkList", list);
        assertThat(rni.subscriptions(null).links().subscription()).hasSize(2);

        RniSubscription replaced = rni.update(href, CellChangeSubscription.of(receiver.url("/c"),
                new FilterCriteriaAssocHo(null, null, null, null), null));
        assertThat(replaced.callbackReference()).isEqualTo(receiver.url("/c"));
        assertThat(rni.subscription(href).callbackReference()).isEqualTo(receiver.url("/c"));

        rni.unsubscribe(href);
        assertThat(TestHttp.get(href).status()).isEqualTo(404);
    }

    @Test
    void expired_subscription_is_notified_and_removed() {
        Instant deadline = Instant.now().plusSeconds(3);
        RniSubscription s = rni.subscribe(CellChangeSubscription.of(receiver.url("/exp"),
                new FilterCriteriaAssocHo(null, null, null, null), TimeStamp.of(deadline)));

        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.ofType("ExpiryNotification").isEmpty());
        JsonNode n = receiver.ofType("ExpiryNotification").get(0);
        assertThat(n.at("/_links/subscription/href").asText()).isEqualTo(s.links().self().href());
        assertConformsTo(RNI, "ExpiryNotification", n);
        assertThat(TestHttp.get(s.links().self().href()).status()).isEqualTo(404);
    }

    @Test
    void bad_input_gets_problem_details_and_changes_nothing() {
        TestHttp.Answer unknown = TestHttp.get(mec.url("/rni/v2/subscriptions/999"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/problem+json"));
        assertConformsTo(RNI, "ProblemDetails", unknown.json());
        assertThat(TestHttp.delete(mec.url("/rni/v2/subscriptions/999")).status()).isEqualTo(404);

        assertThat(TestHttp.post(mec.url("/rni/v2/subscriptions"), "{\"subscriptionType\": ").status())
                .isEqualTo(400);
        TestHttp.Answer unknownType = TestHttp.post(mec.url("/rni/v2/subscriptions"), """
                {"subscriptionType":"RabSubscription","callbackReference":"http://127.0.0.1:1/x",
                 "filterCriteriaQci":{"qci":9,"erabId":1}}""");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().get("detail").asText()).contains("RabSubscription", "RabModSubscription");
        TestHttp.Answer rabRelWithoutErab = TestHttp.post(mec.url("/rni/v2/subscriptions"), """
                {"subscriptionType":"RabRelSubscription","callbackReference":"http://127.0.0.1:1/x",
                 "filterCriteriaQci":{"qci":9}}""");
        assertThat(rabRelWithoutErab.status()).isEqualTo(400);
        assertThat(rabRelWithoutErab.json().get("detail").asText()).contains("erabId");
        assertThat(TestHttp.post(mec.url("/rni/v2/subscriptions"), """
                {"subscriptionType":"NrMeasRepUeSubscription","callbackReference":"http://127.0.0.1:1/x",
                 "filterCriteriaNrMrs":{"triggerNr":[3]}}""").status()).isEqualTo(400);
        assertThat(TestHttp.post(mec.url("/rni/v2/subscriptions"), """
                {"subscriptionType":"CellChangeSubscription","filterCriteriaAssocHo":{}}""").status())
                .isEqualTo(400);
        assertThat(TestHttp.post(mec.url("/rni/v2/subscriptions"), """
                {"subscriptionType":"MeasRepUeSubscription","callbackReference":"http://127.0.0.1:1/x",
                 "filterCriteriaAssocTri":{"trigger":[99]}}""").status()).isEqualTo(400);
        assertThat(TestHttp.get(mec.url("/rni/v2/queries/rab_info?erab_id=abc")).status()).isEqualTo(400);
        assertThat(TestHttp.get(mec.url("/rni/v2/queries/rab_info?bogus=1")).status()).isEqualTo(400);
        assertThat(TestHttp.get(mec.url("/rni/v2/queries/plmn_info")).status()).isEqualTo(400);
        assertThat(TestHttp.get(mec.url("/rni/v2/subscriptions?subscription_type=foo")).status()).isEqualTo(400);
        assertThat(TestHttp.get(mec.url("/no-such-host/rni/v2/queries/layer2_meas")).status()).isEqualTo(404);

        assertThat(rni.subscriptions(null).links().subscription()).isNullOrEmpty();
        assertThatThrownBy(() -> rni.subscription("42")).isInstanceOf(MecProblemException.class)
                .satisfies(e -> assertThat(((MecProblemException) e).status()).isEqualTo(404));
    }

    @Test
    void accepts_body_wrapped_as_in_the_file_and_enums_as_names() {
        TestHttp.Answer created = TestHttp.post(mec.url("/rni/v2/subscriptions"), """
                {"MeasRepUeSubscription": {"subscriptionType":"MeasRepUeSubscription",
                 "callbackReference":"%s",
                 "filterCriteriaAssocTri":{"associateId":[{"type":"UE_IPV4_ADDRESS","value":"10.0.0.2"}],
                                           "trigger":["PERIODICAL_REPORT_STRONGEST_CELLS"]}}}"""
                .formatted(receiver.url("/w")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).hasValue(created.json().at("/_links/self/href").asText());
        assertThat(created.json().at("/filterCriteriaAssocTri/trigger/0").asInt()).isEqualTo(1);
        assertThat(created.json().at("/filterCriteriaAssocTri/associateId/0/type").asInt()).isEqualTo(1);
        assertConformsTo(RNI, "MeasRepUeSubscription", created.json());
    }

    @Test
    void requested_test_notification_is_sent_to_the_callback() {
        TestHttp.Answer created = TestHttp.post(mec.url("/rni/v2/subscriptions"), """
                {"subscriptionType":"CellChangeSubscription","callbackReference":"%s",
                 "requestTestNotification":true,"filterCriteriaAssocHo":{}}""".formatted(receiver.url("/t")));
        assertThat(created.status()).isEqualTo(201);

        await().until(() -> !receiver.ofType("TestNotification").isEmpty());
        JsonNode n = receiver.ofType("TestNotification").get(0);
        assertThat(n.at("/_links/subscription/href").asText()).isEqualTo(created.header("Location").orElseThrow());
        assertConformsTo(RNI, "TestNotification", n);
    }
}
