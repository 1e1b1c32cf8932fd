package org.oneedge.mec.platform.location;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.api.common.TimeStamp;
import org.oneedge.mec.api.location.LocationClient;
import org.oneedge.mec.api.location.LocationEventType;
import org.oneedge.mec.api.location.TerminalDistance;
import org.oneedge.mec.api.location.UserEventPara;
import org.oneedge.mec.api.location.UserList;
import org.oneedge.mec.api.location.UserLocationEventSubscription;
import org.oneedge.mec.api.location.ZoneLocationEventSubscription;
import org.oneedge.mec.platform.NotificationReceiver;
import org.oneedge.mec.platform.TestHttp;
import org.oneedge.mec.platform.emulator.EmulatedMec;
import org.oneedge.mec.platform.emulator.UeView;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.oneedge.mec.platform.conformance.MecConformance.assertConformsTo;

class LocationApiTest {

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

    @Test
    void zone_subscription_notifies_users_leaving_and_entering() {
        ZoneLocationEventSubscription leaving = location.subscribeZone(ZoneLocationEventSubscription.of("zone-a",
                receiver.url("/a"), List.of(LocationEventType.LEAVING_AREA_EVENT), null, null));
        location.subscribeZone(ZoneLocationEventSubscription.of("zone-b", receiver.url("/b"), null, null, null));
        assertThat(leaving.links().self().href()).startsWith(mec.url("/location/v3/subscriptions/zones/"));

        mec.advance(Duration.ofSeconds(45));

        await().until(() -> received("zoneLocationEventNotification").size() >= 2);
        List<JsonNode> all = received("zoneLocationEventNotification");
        assertThat(all).extracting(n -> n.get("zoneId").asText() + ":" + n.get("userLocationEvent").asText())
                .containsExactlyInAnyOrder("zone-a:LEAVING_AREA_EVENT", "zone-b:ENTERING_AREA_EVENT");
        for (JsonNode n : all) {
            assertThat(n.get("address").asText()).isEqualTo("acr:10.0.0.1");
            assertThat(n.get("notificationType").asText()).isEqualTo("ZoneLocationEventNotification");
            assertConformsTo(LOC, "ZoneLocationEventNotification", n);
        }
        assertThat(all).anySatisfy(n -> assertThat(n.at("/_links/subscription/href").asText())
                .isEqualTo(leaving.links().self().href()));
    }

    @Test
    void user_subscription_reports_access_point_area_with_location() {
        location.subscribeUser(UserLocationEventSubscription.of("acr:10.0.0.1", receiver.url("/u"), null,
                new UserEventPara(List.of("cell-a2"), null, true, null), null));

        mec.advance(Duration.ofSeconds(45));

        await().until(() -> received("userLocationEventNotification").size() >= 2);
        List<JsonNode> all = received("userLocationEventNotification");
        assertThat(all.get(0).get("userLocationEvent").asText()).isEqualTo("ENTERING_AREA_EVENT");
        assertThat(all.get(0).get("accessPointId").asText()).isEqualTo("cell-a2");
        assertThat(all.get(1).get("userLocationEvent").asText()).isEqualTo("LEAVING_AREA_EVENT");
        assertThat(all.get(1).get("zoneId").asText()).isEqualTo("zone-a");
        assertThat(all.get(0).at("/locationInfo/latitude/0").asDouble()).isCloseTo(43.6163, within(0.01));
        all.forEach(n -> assertConformsTo(LOC, "UserLocationEventNotification", n));
    }

    @Test
    void queries_return_what_the_emulator_holds() {
        mec.advance(Duration.ofSeconds(20));
        UeView car = mec.emulator.ue("acr:10.0.0.1").orElseThrow();

        UserList users = location.users(null, null, "acr:10.0.0.1");
        assertThat(users.user()).singleElement().satisfies(u -> {
            assertThat(u.accessPointId()).isEqualTo(car.servingCellId());
            assertThat(u.zoneId()).isEqualTo("zone-a");
            assertThat(u.locationInfo().latitude().get(0)).isCloseTo(car.latitude(), within(1e-9));
            assertThat(u.locationInfo().velocity().horizontalSpeed()).isEqualTo(72);
        });
        JsonNode raw = TestHttp.get(mec.url("/location/v3/queries/users?zoneId=zone-a")).json();
        assertThat(raw.at("/userList/user")).hasSize(2);
        assertConformsTo(LOC, "UserList", raw.get("userList"));

        JsonNode zones = TestHttp.get(mec.url("/location/v3/queries/zones")).json().get("zoneList");
        assertThat(zones.get("zone")).hasSize(2);
        assertThat(zones.at("/zone/0/numberOfUsers").asInt()).isEqualTo(2);
        assertThat(zones.at("/zone/0/numberOfAccessPoints").asInt()).isEqualTo(2);
        assertConformsTo(LOC, "ZoneList", zones);
        assertThat(location.zone("zone-b").numberOfUsers()).isZero();

        JsonNode aps = TestHttp.get(mec.url("/location/v3/queries/zones/zone-b/accessPoints")).json()
                .get("accessPointList");
        assertThat(aps.at("/accessPoint/1/connectionType").asText()).isEqualTo("5G NR");
        assertConformsTo(LOC, "AccessPointList", aps);
        assertThat(location.accessPoint("zone-a", "cell-a1").numberOfUsers()).isEqualTo(1);

        UeView parked = mec.emulator.ue("acr:10.0.0.2").orElseThrow();
        TerminalDistance d = location.distance("acr:10.0.0.1", "acr:10.0.0.2");
        assertThat(d.distance()).isEqualTo((int) Math.round(Math.hypot(car.x() - parked.x(), car.y() - parked.y())));
        TerminalDistance toPoint = location.distance("10.0.0.2", parked.latitude(), parked.longitude());
        assertThat(toPoint.distance()).isZero();
        assertConformsTo(LOC, "TerminalDistance", d);

        assertThat(TestHttp.get(mec.url("/mec-host-b/location/v3/queries/zones")).json()
                .at("/zoneList/zone")).singleElement()
                .satisfies(z -> assertThat(z.get("zoneId").asText()).isEqualTo("zone-b"));
    }

    @Test
    void bad_input_gets_problem_details_and_changes_nothing() {
        assertThat(TestHttp.get(mec.url("/location/v3/queries/zones/zone-x")).status()).isEqualTo(404);
        assertThat(TestHttp.get(mec.url("/location/v3/queries/zones/zone-a/accessPoints/cell-b1")).status())
                .isEqualTo(404);
        assertThat(TestHttp.get(mec.url("/location/v3/queries/users?address=acr:10.9.9.9")).status())
                .isEqualTo(404);
        assertThat(TestHttp.get(mec.url("/location/v3/queries/users?colour=red")).status()).isEqualTo(400);
        assertThat(TestHttp.get(mec.url("/location/v3/queries/distance?address=acr:10.0.0.1")).status())
                .isEqualTo(400);
        assertThat(TestHttp.get(mec.url("/location/v3/queries/distance?address=acr:10.0.0.1&latitude=x"
                + "&longitude=7")).status()).isEqualTo(400);
        TestHttp.Answer malformed = TestHttp.post(mec.url("/location/v3/subscriptions/zones"), "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertConformsTo(LOC, "ProblemDetails", malformed.json());
        assertThat(TestHttp.post(mec.url("/location/v3/subscriptions/zones"), """
                {"zoneLocationEventSubscription":{"subscriptionType":"ZoneLocationEventSubscription",
                 "callbackReference":"http://127.0.0.1:1/x","zoneId":"zone-x"}}""").status()).isEqualTo(400);
        assertThat(TestHttp.post(mec.url("/location/v3/subscriptions/users"), """
                {"userLocationEventSubscription":{"subscriptionType":"UserLocationEventSubscription",
                 "callbackReference":"http://127.0.0.1:1/x","address":"acr:10.0.0.1",
                 "locationEventCriteria":["SOMEWHERE"]}}""").status()).isEqualTo(400);
        assertThat(TestHttp.get(mec.url("/location/v3/subscriptions/users/7")).status()).isEqualTo(404);

        assertThat(location.subscriptions("zones").subscription()).isNullOrEmpty();
        assertThat(location.subscriptions("users").subscription()).isNullOrEmpty();
    }

    @Test
    void subscription_is_read_replaced_listed_and_deleted_in_wrapped_form() {
        UserLocationEventSubscription s = location.subscribeUser(UserLocationEventSubscription.of("acr:10.0.0.2",
                receiver.url("/x"), List.of(LocationEventType.ENTERING_AREA_EVENT), null, null));
        String href = s.links().self().href();
        JsonNode raw = TestHttp.get(href).json();
        assertThat(raw.at("/userLocationEventSubscription/address").asText()).isEqualTo("acr:10.0.0.2");
        assertConformsTo(LOC, "UserLocationEventSubscription", raw.get("userLocationEventSubscription"));

        location.update(href, UserLocationEventSubscription.of("acr:10.0.0.2", receiver.url("/y"), null, null,
                null));
        assertThat(location.subscription(href).callbackReference()).isEqualTo(receiver.url("/y"));
        JsonNode list = TestHttp.get(mec.url("/location/v3/subscriptions/users?subscription_type=event")).json();
        assertThat(list.at("/notificationSubscriptionList/subscription/0/href").asText()).isEqualTo(href);
        assertConformsTo(LOC, "NotificationSubscriptionList", list.get("notificationSubscriptionList"));

        location.unsubscribe(href);
        assertThat(TestHttp.get(href).status()).isEqualTo(404);
    }
    @Test
    void expired_subscriptions_are_notified_with_an_expiry_notification_and_removed() {
        TimeStamp deadline = TimeStamp.of(Instant.now().plusSeconds(1));
        UserLocationEventSubscription user = location.subscribeUser(UserLocationEventSubscription.of(
                "acr:10.0.0.1", receiver.url("/eu"), null, null, deadline));
        ZoneLocationEventSubscription zone = location.subscribeZone(ZoneLocationEventSubscription.of("zone-a",
                receiver.url("/ez"), null, null, deadline));
        ZoneLocationEventSubscription lasting = location.subscribeZone(ZoneLocationEventSubscription.of("zone-b",
                receiver.url("/ez"), null, null, null));

        await().atMost(Duration.ofSeconds(20)).until(() -> received("expiryNotification").size() >= 2);
        List<JsonNode> expiries = received("expiryNotification");
        assertThat(expiries).extracting(n -> n.at("/_links/subscription/href").asText())
                .containsExactlyInAnyOrder(user.links().self().href(), zone.links().self().href());
        for (JsonNode n : expiries) {
            assertThat(n.get("notificationType").asText()).isEqualTo("ExpiryNotification");
            assertThat(n.at("/expiryDeadline/seconds").asLong()).isEqualTo(deadline.seconds());
            // LocationAPI.yaml defines no expiry notification: the MEC 009 one (as MEC 012 defines it) is sent
            assertConformsTo("RniAPI.yaml", "ExpiryNotification", n);
            assertConformsTo(LOC, "TimeStamp", n.get("timeStamp"));
            assertConformsTo(LOC, "_links", n.get("_links"));
        }
        assertThat(TestHttp.get(user.links().self().href()).status()).isEqualTo(404);
        assertThat(TestHttp.get(zone.links().self().href()).status()).isEqualTo(404);
        assertThat(TestHttp.get(lasting.links().self().href()).status()).isEqualTo(200);

        mec.advance(Duration.ofSeconds(45)); // the UE leaves zone-a and enters zone-b: only the lasting one hears it
        await().until(() -> !received("zoneLocationEventNotification").isEmpty());
        assertThat(received("zoneLocationEventNotification")).allSatisfy(n ->
                assertThat(n.at("/_links/subscription/href").asText()).isEqualTo(lasting.links().self().href()));
        assertThat(received("userLocationEventNotification")).isEmpty();
    }
}
