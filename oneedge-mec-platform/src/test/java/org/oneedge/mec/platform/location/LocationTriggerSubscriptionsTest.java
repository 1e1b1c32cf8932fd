package org.oneedge.mec.platform.location;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.api.location.AreaInfo;
import org.oneedge.mec.api.location.DistanceCriteria;
import org.oneedge.mec.api.location.LocationClient;
import org.oneedge.mec.api.location.PeriodicEventInfo;
import org.oneedge.mec.api.location.Point;
import org.oneedge.mec.api.location.UserAreaSubscription;
import org.oneedge.mec.api.location.UserDistanceSubscription;
import org.oneedge.mec.api.location.UserLocationPeriodicSubscription;
import org.oneedge.mec.api.location.ZoneStatusSubscription;
import org.oneedge.mec.platform.NotificationReceiver;
import org.oneedge.mec.platform.TestHttp;
import org.oneedge.mec.platform.emulator.EmulatedMec;
import org.oneedge.mec.platform.emulator.GeoFrame;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.oneedge.mec.platform.conformance.MecConformance.assertConformsTo;
import static org.oneedge.mec.platform.conformance.MecConformance.assertResponseConforms;

/**
 * MEC 013 periodic, area, distance and zone status subscriptions over the two-host test scenario ({@link EmulatedMec}:
 * UE 10.0.0.1 drives east along y = 5 from x = -100 at 20 m/s, UE 10.0.0.2 is parked at (10, 10)).
 */
class LocationTriggerSubscriptionsTest {

    private static final String LOC = "LocationAPI.yaml";

    private EmulatedMec mec;
    private NotificationReceiver receiver;
    private LocationClient location;

    @BeforeEach
    void start() {
        mec = EmulatedMec.start();
        receiver = new NotificationReceiver();
        location = LocationClient.of(mec.url("/location/v3"));
    }

    @AfterEach
    void stop() {
        receiver.close();
        mec.close();
    }

    private List<JsonNode> received(String root) {
        return receiver.received().stream().filter(n -> n.has(root)).map(n -> n.get(root)).toList();
    }

    private Point at(double x, double y) {
        GeoFrame geo = mec.emulator.geoFrame();
        return new Point(geo.latitudeOf(y), geo.longitudeOf(x));
    }

    @Test
    void periodic_subscription_reports_the_location_the_asked_number_of_times_then_ends() {
        TestHttp.Answer created = TestHttp.post(mec.url("/location/v3/subscriptions/users"), """
                {"userLocationPeriodicSubscription": {"subscriptionType": "UserLocationPeriodicSubscription",
                 "address": "acr:10.0.0.2", "callbackReference": "%s", "clientCorrelator": "c1",
                 "periodicEventInfo": {"reportingAmount": 3, "reportingInterval": 1}}}"""
                .formatted(receiver.url("/p")));
        assertThat(created.status()).isEqualTo(201);
        assertResponseConforms(LOC, "/subscriptions/users", "POST", 201, created.json());
        String href = created.header("Location").orElseThrow();
        assertThat(location.subscriptions("users").subscription()).singleElement()
                .satisfies(s -> assertThat(s.subscriptionType()).isEqualTo("UserLocationPeriodicSubscription"));

        mec.advance(Duration.ofSeconds(5));

        await().until(() -> received("userLocationPeriodicNotification").size() >= 3);
        List<JsonNode> reports = received("userLocationPeriodicNotification");
        assertThat(reports).hasSize(3);
        assertThat(reports).extracting(n -> n.get("isFinalNotification").asBoolean()).containsExactly(false, false,
                true);
        for (JsonNode n : reports) {
            assertThat(n.get("result").asText()).isEqualTo("SUCCESS");
            assertThat(n.get("accessPointId").asText()).isEqualTo("cell-a1");
            assertThat(n.at("/_links/subscription/href").asText()).isEqualTo(href);
            assertConformsTo(LOC, "UserLocationPeriodicNotification", n);
        }
        assertThat(TestHttp.get(href).status()).isEqualTo(404);
    }

    @Test
    void area_subscription_notifies_entering_and_leaving_a_circle() {
        UserAreaSubscription s = location.subscribe(UserAreaSubscription.of(List.of("acr:10.0.0.1", "acr:10.0.0.2"),
                AreaInfo.circle(at(600, 0), 100), receiver.url("/area"), null, 5));
        assertConformsTo(LOC, "UserAreaSubscription", TestHttp.get(s.links().self().href()).json()
                .get("userAreaSubscription"));

        mec.advance(Duration.ofSeconds(45));

        await().until(() -> received("userAreaNotification").size() >= 2);
        List<JsonNode> events = received("userAreaNotification");
        assertThat(events).extracting(n -> n.get("address").asText() + ":" + n.get("userLocationEvent").asText())
                .containsExactly("acr:10.0.0.1:ENTERING_AREA_EVENT", "acr:10.0.0.1:LEAVING_AREA_EVENT");
        events.forEach(n -> assertConformsTo(LOC, "UserAreaNotification", n));
    }

    @Test
    void distance_subscription_notifies_when_the_criterion_becomes_true() {
        mec.advance(Duration.ofSeconds(1));
        UserDistanceSubscription beyond = location.subscribe(UserDistanceSubscription.of(List.of("acr:10.0.0.1"),
                List.of("acr:10.0.0.2"), 300, DistanceCriteria.AllBeyondDistance, false, receiver.url("/beyond")));
        location.subscribe(UserDistanceSubscription.of(List.of("acr:10.0.0.1", "acr:10.0.0.2"), null, 300,
                DistanceCriteria.AnyWithinDistance, true, receiver.url("/within")));
        assertConformsTo(LOC, "UserDistanceSubscription", TestHttp.get(beyond.links().self().href()).json()
                .get("userDistanceSubscription"));

        await().until(() -> received("userDistanceNotification").size() == 1); // checkImmediate: 110 m apart
        assertThat(received("userDistanceNotification").get(0).get("distanceEvent").asText())
                .isEqualTo("AnyWithinDistance");

        mec.advance(Duration.ofSeconds(29));

        await().until(() -> received("userDistanceNotification").size() >= 2);
        List<JsonNode> events = received("userDistanceNotification");
        JsonNode n = events.get(1);
        assertThat(events).hasSize(2);
        assertThat(n.get("distanceEvent").asText()).isEqualTo("AllBeyondDistance");
        assertThat(n.at("/monitoredUsers/user/0/address").asText()).isEqualTo("acr:10.0.0.1");
        assertThat(n.at("/_links/subscription/href").asText()).isEqualTo(beyond.links().self().href());
        events.forEach(e -> assertConformsTo(LOC, "UserDistanceNotification", e));
    }

    @Test
    void zone_status_subscription_notifies_user_number_thresholds_crossed() {
        location.subscribe(ZoneStatusSubscription.zoneThresholds("zone-b", 1, null, receiver.url("/zb")));
        location.subscribe(new ZoneStatusSubscription(null, receiver.url("/za"), null, null, null, 1, null, null,
                null, ZoneStatusSubscription.TYPE, 1, null, null, "zone-a"));

        mec.advance(Duration.ofSeconds(45));

        await().until(() -> received("zoneStatusNotification").stream().map(n -> n.get("userNumEvent").asInt())
                .toList().containsAll(List.of(1, 2, 3)));
        List<JsonNode> events = received("zoneStatusNotification");
        assertThat(events).anySatisfy(n -> {
            assertThat(n.get("zoneId").asText()).isEqualTo("zone-b");
            assertThat(n.get("userNumEvent").asInt()).isEqualTo(1); // OVER_ZONE_UPPER_THD
        });
        assertThat(events).anySatisfy(n -> {
            assertThat(n.get("zoneId").asText()).isEqualTo("zone-a");
            assertThat(n.get("userNumEvent").asInt()).isEqualTo(2); // UNDER_ZONE_LOWER_THD: 2 users, then 1
        });
        assertThat(events).anySatisfy(n -> {
            assertThat(n.path("accessPointId").asText()).isEqualTo("cell-a2");
            assertThat(n.get("userNumEvent").asInt()).isEqualTo(3); // OVER_AP_UPPER_THD
        });
        events.forEach(n -> assertConformsTo(LOC, "ZoneStatusNotification", n));
        assertThat(location.subscriptions("zones").subscription()).hasSize(2);
        assertThat(TestHttp.get(mec.url("/location/v3/subscriptions/zones?subscription_type=status")).json()
                .at("/notificationSubscriptionList/subscription")).hasSize(2);
    }

    @Test
    void bad_subscriptions_get_problem_details_and_create_nothing() {
        String cb = receiver.url("/x");
        assertThat(TestHttp.post(mec.url("/location/v3/subscriptions/users"), """
                {"userLocationPeriodicSubscription": {"subscriptionType": "UserLocationPeriodicSubscription",
                 "address": "acr:10.0.0.2", "callbackReference": "%s"}}""".formatted(cb)).status()).isEqualTo(400);
        assertThat(TestHttp.post(mec.url("/location/v3/subscriptions/users"), """
                {"userLocationPeriodicSubscription": {"subscriptionType": "UserLocationPeriodicSubscription",
                 "address": "acr:10.9.9.9", "callbackReference": "%s",
                 "periodicEventInfo": {"reportingAmount": 1, "reportingInterval": 1}}}""".formatted(cb)).status())
                .isEqualTo(400);
        TestHttp.Answer polygon = TestHttp.post(mec.url("/location/v3/subscriptions/area"), """
                {"userAreaSubscription": {"subscriptionType": "UserAreaSubscription", "callbackReference": "%s",
                 "addressList": ["acr:10.0.0.1"], "trackingAccuracy": 1,
                 "areaDefine": {"shape": 2, "points": [{"latitude": 1, "longitude": 1},
                                                        {"latitude": 2, "longitude": 2}]}}}""".formatted(cb));
        assertThat(polygon.status()).isEqualTo(400);
        assertThat(polygon.json().get("detail").asText()).contains("POLYGON");
        assertConformsTo(LOC, "ProblemDetails", polygon.json());
        assertThat(TestHttp.post(mec.url("/location/v3/subscriptions/distance"), """
                {"userDistanceSubscription": {"subscriptionType": "UserDistanceSubscription", "callbackReference":
                 "%s", "monitoredAddress": ["acr:10.0.0.1"], "distance": 10, "trackingAccuracy": 1,
                 "criteria": "AllWithinDistance", "checkImmediate": false}}""".formatted(cb)).status())
                .isEqualTo(400);
        assertThat(TestHttp.post(mec.url("/location/v3/subscriptions/zones"), """
                {"zoneStatusSubscription": {"subscriptionType": "ZoneStatusSubscription", "callbackReference": "%s",
                 "zoneId": "zone-z", "upperNumberOfUsersZoneThreshold": 3}}""".formatted(cb)).status())
                .isEqualTo(400);
        assertThat(TestHttp.post(mec.url("/location/v3/subscriptions/zones"), """
                {"zoneStatusSubscription": {"subscriptionType": "UserAreaSubscription", "callbackReference": "%s",
                 "zoneId": "zone-a"}}""".formatted(cb)).status()).isEqualTo(400);
        assertThat(TestHttp.get(mec.url("/location/v3/subscriptions/area?subscription_type=periodic")).status())
                .isEqualTo(400);

        for (String kind : List.of("users", "zones", "area", "distance")) {
            assertThat(location.subscriptions(kind).subscription()).as(kind).isNullOrEmpty();
        }
    }

    @Test
    void periodic_event_info_is_bounded_as_the_file_notes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PeriodicEventInfo(100_000, 100.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8639999");
        assertThat(UserLocationPeriodicSubscription.of("a", "http://x", new PeriodicEventInfo(2, 0.5))
                .subscriptionType()).isEqualTo(UserLocationPeriodicSubscription.TYPE);
    }
}
