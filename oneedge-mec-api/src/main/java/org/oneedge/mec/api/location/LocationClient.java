package org.oneedge.mec.api.location;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.oneedge.mec.api.common.MecRestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Blocking client of the MEC 013 Location API ({@code /location/v3}). Bodies are wrapped in their root key as the
 * file defines ({@code {"userList": {...}}}); this client wraps and unwraps them.
 *
 * <pre>{@code
 * LocationClient loc = LocationClient.of("http://127.0.0.1:8090/location/v3");
 * UserList users = loc.users("zone-1", null, null);
 * ZoneLocationEventSubscription s = loc.subscribeZone(ZoneLocationEventSubscription.of("zone-2",
 *         "http://me/cb", List.of(LocationEventType.ENTERING_AREA_EVENT), null, null));
 * }</pre>
 */
public final class LocationClient {

    private static final Map<String, Class<?>> NOTIFICATIONS = Map.of(
            UserLocationPeriodicNotification.ROOT, UserLocationPeriodicNotification.class,
            UserAreaNotification.ROOT, UserAreaNotification.class,
            UserDistanceNotification.ROOT, UserDistanceNotification.class,
            ZoneStatusNotification.ROOT, ZoneStatusNotification.class);
    private static final Map<String, Class<? extends LocationSubscription>> SUBSCRIPTIONS = Map.of(
            UserLocationPeriodicSubscription.ROOT, UserLocationPeriodicSubscription.class,
            UserAreaSubscription.ROOT, UserAreaSubscription.class,
            UserDistanceSubscription.ROOT, UserDistanceSubscription.class,
            ZoneStatusSubscription.ROOT, ZoneStatusSubscription.class);

    private final MecRestClient rest;

    public LocationClient(MecRestClient rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    public static LocationClient of(String baseUrl) {
        return new LocationClient(MecRestClient.of(baseUrl));
    }

    /** {@code GET /queries/users}; each argument may be {@code null} (no filter) or a comma-separated list. */
    public UserList users(String zoneId, String accessPointId, String address) {
        return get("/queries/users" + query("zoneId", zoneId, "accessPointId", accessPointId, "address", address),
                "userList", UserList.class);
    }

    public ZoneList zones() {
        return get("/queries/zones", "zoneList", ZoneList.class);
    }

    public ZoneInfo zone(String zoneId) {
        return get("/queries/zones/" + enc(zoneId), "zoneInfo", ZoneInfo.class);
    }

    public AccessPointList accessPoints(String zoneId) {
        return get("/queries/zones/" + enc(zoneId) + "/accessPoints", "accessPointList", AccessPointList.class);
    }

    public AccessPointInfo accessPoint(String zoneId, String accessPointId) {
        return get("/queries/zones/" + enc(zoneId) + "/accessPoints/" + enc(accessPointId), "accessPointInfo",
                AccessPointInfo.class);
    }

    /** Distance in metres between a user and a point. */
    public TerminalDistance distance(String address, double latitude, double longitude) {
        return get("/queries/distance" + query("address", address, "latitude", Double.toString(latitude),
                "longitude", Double.toString(longitude)), "terminalDistance", TerminalDistance.class);
    }

    /** Distance in metres between two users. */
    public TerminalDistance distance(String address, String otherAddress) {
        return get("/queries/distance?address=" + enc(address) + "&address=" + enc(otherAddress),
                "terminalDistance", TerminalDistance.class);
    }

    public UserLocationEventSubscription subscribeUser(UserLocationEventSubscription subscription) {
        return post("/subscriptions/users", subscription, UserLocationEventSubscription.class);
    }

    public ZoneLocationEventSubscription subscribeZone(ZoneLocationEventSubscription subscription) {
        return post("/subscriptions/zones", subscription, ZoneLocationEventSubscription.class);
    }

    /**
     * Creates any Location subscription at the resource of its kind ({@code users}, {@code zones}, {@code area},
     * {@code distance}) and returns it as stored.
     */
    @SuppressWarnings("unchecked")
    public <S extends LocationSubscription> S subscribe(S subscription) {
        String kind = switch (subscription) {
            case UserLocationEventSubscription u -> "users";
            case UserLocationPeriodicSubscription u -> "users";
            case ZoneLocationEventSubscription z -> "zones";
            case ZoneStatusSubscription z -> "zones";
            case UserAreaSubscription a -> "area";
            case UserDistanceSubscription d -> "distance";
        };
        return (S) post("/subscriptions/" + kind, subscription, subscription.getClass());
    }

    /** Reads a subscription by its {@code _links.self.href}. */
    public LocationSubscription subscription(String href) {
        return decodeSubscription(rest.get(href, JsonNode.class).body());
    }

    /** Replaces a subscription (PUT on its {@code _links.self.href}). */
    public LocationSubscription update(String href, LocationSubscription subscription) {
        return decodeSubscription(rest.put(href, Map.of(subscription.rootKey(), subscription), JsonNode.class)
                .body());
    }

    /** Deletes a subscription by its {@code _links.self.href}. */
    public void unsubscribe(String href) {
        rest.delete(href);
    }

    /** {@code GET /subscriptions/{kind}} ({@code kind} = users | zones | area | distance). */
    public NotificationSubscriptionList subscriptions(String kind) {
        return get("/subscriptions/" + enc(kind), "notificationSubscriptionList",
                NotificationSubscriptionList.class);
    }

    /**
     * Decodes a notification body POSTed by the Location service: one of the notification records of this package,
     * told apart by its root key.
     */
    public static Object parseNotification(ObjectMapper mapper, byte[] body) {
        try {
            JsonNode root = mapper.readTree(body);
            for (Map.Entry<String, Class<?>> n : NOTIFICATIONS.entrySet()) {
                if (root.has(n.getKey())) {
                    return mapper.treeToValue(root.get(n.getKey()), n.getValue());
                }
            }
            if (root.has(UserLocationEventNotification.ROOT)) {
                return mapper.treeToValue(root.get(UserLocationEventNotification.ROOT),
                        UserLocationEventNotification.class);
            }
            if (root.has(ZoneLocationEventNotification.ROOT)) {
                return mapper.treeToValue(root.get(ZoneLocationEventNotification.ROOT),
                        ZoneLocationEventNotification.class);
            }
            throw new IllegalArgumentException("not a Location notification: " + root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LocationSubscription decodeSubscription(JsonNode body) {
        try {
            for (Map.Entry<String, Class<? extends LocationSubscription>> s : SUBSCRIPTIONS.entrySet()) {
                if (body.has(s.getKey())) {
                    return rest.mapper().treeToValue(body.get(s.getKey()), s.getValue());
                }
            }
            if (body.has(UserLocationEventSubscription.ROOT)) {
                return rest.mapper().treeToValue(body.get(UserLocationEventSubscription.ROOT),
                        UserLocationEventSubscription.class);
            }
            if (body.has(ZoneLocationEventSubscription.ROOT)) {
                return rest.mapper().treeToValue(body.get(ZoneLocationEventSubscription.ROOT),
                        ZoneLocationEventSubscription.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("not a Location subscription: " + body);
    }

    private <T> T post(String path, LocationSubscription subscription, Class<T> type) {
        JsonNode body = rest.post(path, Map.of(subscription.rootKey(), subscription), JsonNode.class).body();
        return unwrap(body, subscription.rootKey(), type);
    }

    private <T> T get(String path, String root, Class<T> type) {
        return unwrap(rest.get(path, JsonNode.class).body(), root, type);
    }

    private <T> T unwrap(JsonNode body, String root, Class<T> type) {
        JsonNode node = body.has(root) ? body.get(root) : body;
        try {
            return rest.mapper().treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + root + ": " + e.getMessage(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String query(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                parts.add(enc(pairs[i]) + "=" + enc(pairs[i + 1]));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }
}
