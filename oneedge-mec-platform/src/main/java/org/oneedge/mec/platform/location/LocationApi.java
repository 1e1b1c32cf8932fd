package org.oneedge.mec.platform.location;

import com.fasterxml.jackson.databind.JsonNode;
import org.oneedge.mec.api.common.ExpiryNotification;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.common.TimeStamp;
import org.oneedge.mec.api.location.AccessPointInfo;
import org.oneedge.mec.api.location.AccessPointList;
import org.oneedge.mec.api.location.ConnectionType;
import org.oneedge.mec.api.location.Links;
import org.oneedge.mec.api.location.LocationEventType;
import org.oneedge.mec.api.location.LocationInfo;
import org.oneedge.mec.api.location.LocationSubscription;
import org.oneedge.mec.api.location.NotificationSubscriptionList;
import org.oneedge.mec.api.location.OperationStatus;
import org.oneedge.mec.api.location.TerminalDistance;
import org.oneedge.mec.api.location.UserEventPara;
import org.oneedge.mec.api.location.UserInfo;
import org.oneedge.mec.api.location.UserList;
import org.oneedge.mec.api.location.UserLocationEventNotification;
import org.oneedge.mec.api.location.UserLocationEventSubscription;
import org.oneedge.mec.api.location.ZoneInfo;
import org.oneedge.mec.api.location.ZoneList;
import org.oneedge.mec.api.location.ZoneLocationEventNotification;
import org.oneedge.mec.api.location.ZoneLocationEventSubscription;
import org.oneedge.mec.api.location.ReportingCtrl;
import org.oneedge.mec.api.location.UserAreaSubscription;
import org.oneedge.mec.api.location.UserDistanceSubscription;
import org.oneedge.mec.api.location.UserLocationPeriodicSubscription;
import org.oneedge.mec.api.location.WebsockNotifConfig;
import org.oneedge.mec.api.location.ZoneStatusSubscription;
import org.oneedge.mec.platform.http.NotificationTarget;
import org.oneedge.mec.platform.MecApi;
import org.oneedge.mec.platform.MecPlatformContext;
import org.oneedge.mec.platform.MecServiceDescription;
import org.oneedge.mec.platform.SubscriptionRegistry;
import org.oneedge.mec.platform.emulator.EmulatedAccessPoint;
import org.oneedge.mec.platform.emulator.Emulator;
import org.oneedge.mec.platform.emulator.EmulatorEvent;
import org.oneedge.mec.platform.emulator.EmulatorListener;
import org.oneedge.mec.platform.emulator.GeoFrame;
import org.oneedge.mec.platform.emulator.UeView;
import org.oneedge.mec.platform.http.MecExchange;
import org.oneedge.mec.platform.http.Routes;
import org.oneedge.mec.platform.rni.RniApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MEC 013 Location API ({@code /location/v3}, LocationAPI.yaml 3.1.1) over the {@link Emulator}: user, zone, access
 * point and distance queries, and user/zone location event subscriptions notified when the emulator reports zone
 * (or access point) entering and leaving. Bodies are wrapped in their root key as the file defines, e.g.
 * {@code {"userList": {...}}}, {@code {"zoneLocationEventNotification": {...}}}.
 *
 * <pre>
 *   Emulator ─ZoneExit/ZoneEnter──▶ ZoneLocationEventNotification, UserLocationEventNotification (zone areas)
 *            ─CellChange─────────▶ UserLocationEventNotification (userEventPara.accessPointList areas)
 * </pre>
 *
 * Positions are the emulator's metres mapped to latitude/longitude by the scenario's {@link GeoFrame}. A host view
 * ({@code /{host}/location/v3}) sees that MEC host's zones only (AdvantEDGE per-MEP locality, MEC-DIGEST 0.1).
 */
public final class LocationApi implements MecApi, EmulatorListener {

    public static final String BASE_PATH = "/location/v3";
    private static final Logger LOG = LoggerFactory.getLogger(LocationApi.class);

    private final MecPlatformContext ctx;
    private final Emulator emulator;
    private final SubscriptionRegistry<LocationSubscription> userSubs;
    private final SubscriptionRegistry<LocationSubscription> zoneSubs;
    private final SubscriptionRegistry<LocationSubscription> areaSubs;
    private final SubscriptionRegistry<LocationSubscription> distanceSubs;
    private final Map<String, SubscriptionRegistry<LocationSubscription>> registries;
    private final GeoTriggers triggers;
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private volatile List<SubscriptionRegistry.Entry<LocationSubscription>> userSnapshot = List.of();
    private volatile List<SubscriptionRegistry.Entry<LocationSubscription>> zoneSnapshot = List.of();

    /** Notifications sent for one subscription (reportingCtrl bookkeeping). */
    private record Sent(int count, Instant last) {
    }

    public LocationApi(MecPlatformContext ctx, Emulator emulator) {
        this.ctx = ctx;
        this.emulator = emulator;
        this.userSubs = ctx.newSubscriptionRegistry("");
        this.zoneSubs = ctx.newSubscriptionRegistry("");
        this.areaSubs = ctx.newSubscriptionRegistry("");
        this.distanceSubs = ctx.newSubscriptionRegistry("");
        this.registries = Map.of("users", userSubs, "zones", zoneSubs, "area", areaSubs, "distance", distanceSubs);
        registries.forEach((kind, registry) -> registry.onExpiry(e -> expired(kind, e)));
        this.triggers = new GeoTriggers(emulator, this::send, (e, kind) -> {
            registries.get(kind).remove(e.id());
            refresh();
        });
    }

    public static Factory factory(Emulator emulator) {
        return ctx -> new LocationApi(ctx, emulator);
    }

    /**
     * A subscription whose {@code expiryDeadline} passed was removed: it stops being evaluated and its subscriber gets
     * an {@code ExpiryNotification}. LocationAPI.yaml 3.1.1 defines no expiry notification of its own, so the MEC 009
     * one is sent (the shape MEC 012 6.4.9 and MEC 021 define), wrapped in its root key like every Location body.
     */
    private void expired(String kind, SubscriptionRegistry.Entry<LocationSubscription> e) {
        sent.remove(e.id() + kind);
        refresh();
        String href = e.subscription().links().self().href();
        ctx.notifications().send(e.callback(), Map.of("expiryNotification", Map.of(
                "notificationType", ExpiryNotification.TYPE,
                "timeStamp", TimeStamp.of(ctx.clock().instant()),
                "expiryDeadline", TimeStamp.of(e.expiryDeadline()),
                "_links", Links.notification(href))));
        LOG.info("Location subscription {}/{} expired", kind, e.id());
    }

    @Override
    public String basePath() {
        return BASE_PATH;
    }

    @Override
    public Optional<MecServiceDescription> service() {
        return Optional.of(new MecServiceDescription("location", "Location", "v3"));
    }

    @Override
    public void start() {
        triggers.start();
        emulator.addListener(this);
    }

    @Override
    public void stop() {
        emulator.removeListener(this);
    }

    @Override
    public void register(Routes routes) {
        routes.get("/queries/users", this::users);
        routes.get("/queries/zones", this::zones);
        routes.get("/queries/zones/{zoneId}", ex -> {
            ex.allowOnlyQueryParams();
            String zone = requireZone(ex, ex.pathParam("zoneId"));
            ex.ok(Map.of("zoneInfo", zoneInfo(ex, zone, emulator.ues())));
        });
        routes.get("/queries/zones/{zoneId}/accessPoints", this::accessPoints);
        routes.get("/queries/zones/{zoneId}/accessPoints/{accessPointId}", ex -> {
            ex.allowOnlyQueryParams();
            String zone = requireZone(ex, ex.pathParam("zoneId"));
            EmulatedAccessPoint ap = emulator.accessPoint(ex.pathParam("accessPointId"))
                    .filter(a -> a.zoneId().equals(zone))
                    .orElseThrow(() -> MecProblemException.notFound("access point '" + ex.pathParam("accessPointId")
                            + "' not found in zone " + zone));
            ex.ok(Map.of("accessPointInfo", accessPointInfo(ex, ap, emulator.ues())));
        });
        routes.get("/queries/distance", this::distance);
        subscriptionRoutes(routes, "users", userSubs, Map.of(
                "event", UserLocationEventSubscription.class, "periodic", UserLocationPeriodicSubscription.class));
        subscriptionRoutes(routes, "zones", zoneSubs, Map.of(
                "event", ZoneLocationEventSubscription.class, "status", ZoneStatusSubscription.class));
        subscriptionRoutes(routes, "area", areaSubs, Map.of("event", UserAreaSubscription.class));
        subscriptionRoutes(routes, "distance", distanceSubs, Map.of("event", UserDistanceSubscription.class));
    }

    // ------------------------------------------------------------------ queries

    private List<String> zonesInView(MecExchange ex) {
        return emulator.scenario().zones().stream().map(z -> z.id())
                .filter(z -> ex.hostName() == null || emulator.scenario().hostOfZone(z).name().equals(ex.hostName()))
                .toList();
    }

    private String requireZone(MecExchange ex, String zoneId) {
        if (!zonesInView(ex).contains(zoneId)) {
            throw MecProblemException.notFound("zone '" + zoneId + "' not found");
        }
        return zoneId;
    }

    private void users(MecExchange ex) {
        ex.allowOnlyQueryParams("zoneId", "accessPointId", "address");
        List<String> zones = ex.queryParams("zoneId");
        List<String> aps = ex.queryParams("accessPointId");
        List<String> addresses = ex.queryParams("address");
        List<String> view = zonesInView(ex);
        for (String z : zones) {
            requireZone(ex, z);
        }
        for (String ap : aps) {
            emulator.accessPoint(ap).filter(a -> view.contains(a.zoneId()))
                    .orElseThrow(() -> MecProblemException.notFound("access point '" + ap + "' not found"));
        }
        List<UeView> all = emulator.ues();
        for (String a : addresses) {
            if (all.stream().noneMatch(u -> sameAddress(u.id(), a))) {
                throw MecProblemException.notFound("user '" + a + "' not found");
            }
        }
        List<UserInfo> users = all.stream()
                .filter(u -> u.zoneId() != null && view.contains(u.zoneId()))
                .filter(u -> zones.isEmpty() || zones.contains(u.zoneId()))
                .filter(u -> aps.isEmpty() || aps.contains(u.servingCellId()))
                .filter(u -> addresses.isEmpty() || addresses.stream().anyMatch(a -> sameAddress(u.id(), a)))
                .map(u -> userInfo(ex, u))
                .toList();
        ex.ok(Map.of("userList", new UserList(ex.requestUrl(), users)));
    }

    private UserInfo userInfo(MecExchange ex, UeView u) {
        return userInfo(ex.apiBaseUrl(), u);
    }

    /** A user as MEC 013 {@code UserInfo}, its {@code resourceURL} under the API base URL {@code apiBase}. */
    static UserInfo userInfo(String apiBase, UeView u) {
        return new UserInfo(u.id(), u.servingCellId(), u.zoneId(),
                apiBase + "/queries/users?address=" + URLEncoder.encode(u.id(), StandardCharsets.UTF_8),
                TimeStamp.of(u.time()), locationOf(u), null);
    }

    static LocationInfo locationOf(UeView u) {
        return LocationInfo.point(u.latitude(), u.longitude(),
                u.speed() > 0 ? LocationInfo.Velocity.horizontal(u.bearing(), u.speed()) : null);
    }

    private void zones(MecExchange ex) {
        ex.allowOnlyQueryParams("zoneId");
        List<String> wanted = ex.queryParams("zoneId");
        for (String z : wanted) {
            requireZone(ex, z);
        }
        List<UeView> ues = emulator.ues();
        List<ZoneInfo> zones = zonesInView(ex).stream().filter(z -> wanted.isEmpty() || wanted.contains(z))
                .map(z -> zoneInfo(ex, z, ues)).toList();
        ex.ok(Map.of("zoneList", new ZoneList(ex.requestUrl(), zones)));
    }

    private ZoneInfo zoneInfo(MecExchange ex, String zone, List<UeView> ues) {
        int aps = (int) emulator.accessPoints().stream().filter(a -> a.zoneId().equals(zone)).count();
        int users = (int) ues.stream().filter(u -> zone.equals(u.zoneId())).count();
        return new ZoneInfo(zone, aps, 0, users, ex.href("/queries/zones/" + zone));
    }

    private void accessPoints(MecExchange ex) {
        ex.allowOnlyQueryParams("accessPointId");
        String zone = requireZone(ex, ex.pathParam("zoneId"));
        List<String> wanted = ex.queryParams("accessPointId");
        List<UeView> ues = emulator.ues();
        List<AccessPointInfo> aps = emulator.accessPoints().stream()
                .filter(a -> a.zoneId().equals(zone))
                .filter(a -> wanted.isEmpty() || wanted.contains(a.id()))
                .map(a -> accessPointInfo(ex, a, ues)).toList();
        ex.ok(Map.of("accessPointList", new AccessPointList(zone, aps,
                ex.href("/queries/zones/" + zone + "/accessPoints"))));
    }

    private AccessPointInfo accessPointInfo(MecExchange ex, EmulatedAccessPoint ap, List<UeView> ues) {
        ConnectionType type = switch (ap.type()) {
            case LTE_4G -> ConnectionType.LTE;
            case NR_5G -> ConnectionType.NR_5G;
            case WIFI -> ConnectionType.WIFI;
        };
        int users = (int) ues.stream().filter(u -> ap.id().equals(u.servingCellId())).count();
        return new AccessPointInfo(ap.id(), LocationInfo.point(ap.latitude(), ap.longitude(), null), type,
                OperationStatus.Serviceable, users, null,
                ex.href("/queries/zones/" + ap.zoneId() + "/accessPoints/" + ap.id()));
    }

    private void distance(MecExchange ex) {
        ex.allowOnlyQueryParams("address", "latitude", "longitude", "location", "requester");
        List<String> addresses = ex.queryParams("address");
        Double lat = doubleParam(ex, "latitude");
        Double lon = doubleParam(ex, "longitude");
        String location = ex.queryParam("location");
        if (location != null) {
            String[] parts = location.split(",");
            if (parts.length != 2 || lat != null || lon != null) {
                throw MecProblemException.badRequest("location must be 'latitude,longitude' and not be combined "
                        + "with latitude/longitude parameters");
            }
            lat = parseDouble("location latitude", parts[0]);
            lon = parseDouble("location longitude", parts[1]);
        }
        boolean point = lat != null || lon != null;
        if (point && (lat == null || lon == null)) {
            throw MecProblemException.badRequest("latitude and longitude must be given together");
        }
        if ((point && addresses.size() != 1) || (!point && addresses.size() != 2)) {
            throw MecProblemException.badRequest("give one address and a location (latitude, longitude), or two "
                    + "addresses");
        }
        if (point && (lat < -90 || lat > 90 || lon < -180 || lon > 180)) {
            throw MecProblemException.badRequest("latitude/longitude out of range");
        }
        UeView a = requireUser(addresses.get(0));
        GeoFrame geo = emulator.geoFrame();
        double d;
        if (point) {
            d = Math.hypot(a.x() - geo.xOf(lon), a.y() - geo.yOf(lat));
        } else {
            UeView b = requireUser(addresses.get(1));
            d = Math.hypot(a.x() - b.x(), a.y() - b.y());
        }
        ex.ok(Map.of("terminalDistance", new TerminalDistance((int) Math.round(d), 1, TimeStamp.of(a.time()))));
    }

    private UeView requireUser(String address) {
        return emulator.ues().stream().filter(u -> sameAddress(u.id(), address)).findFirst()
                .orElseThrow(() -> MecProblemException.notFound("user '" + address + "' not found"));
    }

    private static Double doubleParam(MecExchange ex, String name) {
        String v = ex.queryParam(name);
        return v == null ? null : parseDouble(name, v);
    }

    private static double parseDouble(String name, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw MecProblemException.badRequest(name + " must be a number, was '" + v + "'");
        }
    }

    /** Addresses match exactly or up to the {@code acr:} scheme prefix. */
    static boolean sameAddress(String ueId, String address) {
        return ueId.equals(address) || RniApi.ipv4Of(ueId).equals(RniApi.ipv4Of(address));
    }

    // ------------------------------------------------------------------ subscriptions

    private void subscriptionRoutes(Routes routes, String kind, SubscriptionRegistry<LocationSubscription> reg,
                                    Map<String, Class<? extends LocationSubscription>> types) {
        String base = "/subscriptions/" + kind;
        Map<String, String> typeNames = new java.util.HashMap<>();
        types.forEach((k, v) -> typeNames.put(k, v.getSimpleName()));
        routes.get(base, ex -> {
            ex.allowOnlyQueryParams("subscription_type", "address", "zoneId");
            String st = ex.queryParam("subscription_type");
            if (st != null && !typeNames.containsKey(st)) {
                throw MecProblemException.badRequest("subscription_type must be one of "
                        + new java.util.TreeSet<>(typeNames.keySet()) + ", was '" + st + "'");
            }
            String address = ex.queryParam("address");
            String zoneId = ex.queryParam("zoneId");
            List<NotificationSubscriptionList.Subscription> links = reg.matching(e -> e.visibleFrom(ex.hostName()))
                    .stream()
                    .filter(e -> st == null || typeNames.get(st).equals(e.subscription().subscriptionType()))
                    .filter(e -> address == null || concernsAddress(e.subscription(), address))
                    .filter(e -> zoneId == null || (e.subscription() instanceof ZoneLocationEventSubscription z
                            && z.zoneId().equals(zoneId)) || (e.subscription() instanceof ZoneStatusSubscription zs
                            && zs.zoneId().equals(zoneId)))
                    .map(e -> new NotificationSubscriptionList.Subscription(ex.href(base + "/" + e.id()),
                            e.subscription().subscriptionType()))
                    .toList();
            ex.ok(Map.of("notificationSubscriptionList",
                    new NotificationSubscriptionList(LinkType.of(ex.href(base)), links)));
        });
        routes.post(base, ex -> {
            LocationSubscription read = read(ex, types);
            NotificationTarget target = NotificationTarget.choose(ex, ctx.notifications(), read.callbackReference(),
                    read.websockNotifConfig() == null ? null : read.websockNotifConfig().requestWebsocketUri(),
                    null);
            LocationSubscription s = read.withDelivery(target.callbackReference(), target.websocketUri() == null
                    ? null : new WebsockNotifConfig(target.websocketUri(), true));
            Instant deadline = s.expiryDeadline() == null ? null : s.expiryDeadline().toInstant();
            SubscriptionRegistry.Entry<LocationSubscription> entry = reg.add(ex.hostName(), null, target.uri(),
                    deadline, id -> s.withLinks(Links.self(ex.href(base + "/" + id))));
            refresh();
            triggers.started(entry);
            LOG.info("Location subscription {}/{} created: {} -> {}", kind, entry.id(), s.subscriptionType(),
                    target.uri());
            ex.created(ex.href(base + "/" + entry.id()), Map.of(s.rootKey(), entry.subscription()));
            if (Boolean.TRUE.equals(s.requestTestNotification())) {
                String href = ex.href(base + "/" + entry.id());
                ctx.notifications().send(entry.callback(), Map.of("testNotification", Map.of(
                        "notificationType", "TestNotification", "_links", Links.notification(href))));
            }
        });
        routes.get(base + "/{subscriptionId}", ex -> {
            ex.allowOnlyQueryParams();
            LocationSubscription s = require(ex, reg).subscription();
            ex.ok(Map.of(s.rootKey(), s));
        });
        routes.put(base + "/{subscriptionId}", ex -> {
            SubscriptionRegistry.Entry<LocationSubscription> existing = require(ex, reg);
            LocationSubscription read = read(ex, types);
            if (!read.subscriptionType().equals(existing.subscription().subscriptionType())) {
                throw MecProblemException.badRequest("subscriptionType cannot change from "
                        + existing.subscription().subscriptionType() + " to " + read.subscriptionType());
            }
            NotificationTarget target = NotificationTarget.choose(ex, ctx.notifications(), read.callbackReference(),
                    read.websockNotifConfig() == null ? null : read.websockNotifConfig().requestWebsocketUri(),
                    existing.callback());
            LocationSubscription s = read.withDelivery(target.callbackReference(), target.websocketUri() == null
                    ? null : new WebsockNotifConfig(target.websocketUri(), true));
            Instant deadline = s.expiryDeadline() == null ? null : s.expiryDeadline().toInstant();
            SubscriptionRegistry.Entry<LocationSubscription> updated = reg.replace(existing.id(), target.uri(),
                    deadline, s.withLinks(Links.self(ex.href(base + "/" + existing.id())))).orElseThrow();
            sent.remove(existing.id() + kind);
            refresh();
            triggers.started(updated);
            if (!existing.callback().equals(updated.callback())) {
                ctx.notifications().release(existing.callback()); // e.g. websocket given up for a callback URI
            }
            ex.ok(Map.of(s.rootKey(), updated.subscription()));
        });
        routes.delete(base + "/{subscriptionId}", ex -> {
            SubscriptionRegistry.Entry<LocationSubscription> existing = require(ex, reg);
            reg.remove(existing.id());
            sent.remove(existing.id() + kind);
            refresh();
            ctx.notifications().release(existing.callback());
            ex.noContent();
        });
    }

    private static boolean concernsAddress(LocationSubscription s, String address) {
        return switch (s) {
            case UserLocationEventSubscription u -> sameAddress(u.address(), address);
            case UserLocationPeriodicSubscription u -> sameAddress(u.address(), address);
            case UserAreaSubscription a -> a.addressList().stream().anyMatch(x -> sameAddress(x, address));
            case UserDistanceSubscription d -> d.monitoredAddress().stream().anyMatch(x -> sameAddress(x, address))
                    || (d.referenceAddress() != null
                    && d.referenceAddress().stream().anyMatch(x -> sameAddress(x, address)));
            case ZoneLocationEventSubscription z -> z.addressList() != null
                    && z.addressList().stream().anyMatch(x -> sameAddress(x, address));
            case ZoneStatusSubscription z -> false;
        };
    }

    /**
     * The body's subscription: wrapped in the root key of one of the resource's {@code types} (e.g.
     * {@code {"userLocationPeriodicSubscription": {...}}}) or bare with a {@code subscriptionType}; 400 otherwise or
     * when it names users, zones or access points the emulated network does not have.
     */
    private LocationSubscription read(MecExchange ex, Map<String, Class<? extends LocationSubscription>> types) {
        JsonNode body = ex.bodyTree();
        Map<String, Class<? extends LocationSubscription>> byRoot = new java.util.LinkedHashMap<>();
        Map<String, Class<? extends LocationSubscription>> byType = new java.util.LinkedHashMap<>();
        for (Class<? extends LocationSubscription> t : types.values()) {
            String name = t.getSimpleName();
            byRoot.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), t);
            byType.put(name, t);
        }
        JsonNode node = body;
        Class<? extends LocationSubscription> type = null;
        for (Map.Entry<String, Class<? extends LocationSubscription>> r : byRoot.entrySet()) {
            if (body.has(r.getKey())) {
                node = body.get(r.getKey());
                type = r.getValue();
            }
        }
        if (!node.isObject() || !node.has("subscriptionType")) {
            throw MecProblemException.badRequest("request body must be {\"<root>\": {...}} with a subscriptionType, "
                    + "<root> one of " + byRoot.keySet());
        }
        String subscriptionType = node.get("subscriptionType").asText();
        if (type == null) {
            type = byType.get(subscriptionType);
        }
        if (type == null || !type.getSimpleName().equals(subscriptionType)) {
            throw MecProblemException.badRequest("subscriptionType must be one of " + byType.keySet()
                    + " here, was '" + subscriptionType + "'");
        }
        LocationSubscription s = ex.convert(node, type);
        if (s.expiryDeadline() != null && !s.expiryDeadline().toInstant().isAfter(ctx.clock().instant())) {
            throw MecProblemException.badRequest("expiryDeadline is in the past");
        }
        List<String> zones = zonesInView(ex);
        switch (s) {
            case UserLocationEventSubscription u -> {
                requireUserForSubscription(u.address());
                UserEventPara p = u.userEventPara();
                if (p != null && p.zoneId() != null && !zones.contains(p.zoneId())) {
                    throw MecProblemException.badRequest("userEventPara.zoneId '" + p.zoneId() + "' is unknown");
                }
                if (p != null && p.accessPointList() != null) {
                    for (String ap : p.accessPointList()) {
                        if (emulator.accessPoint(ap).isEmpty()) {
                            throw MecProblemException.badRequest("userEventPara.accessPointList: unknown access "
                                    + "point '" + ap + "'");
                        }
                    }
                }
            }
            case ZoneLocationEventSubscription z -> {
                if (!zones.contains(z.zoneId())) {
                    throw MecProblemException.badRequest("zoneId '" + z.zoneId() + "' is unknown");
                }
            }
            case ZoneStatusSubscription z -> {
                if (!zones.contains(z.zoneId())) {
                    throw MecProblemException.badRequest("zoneId '" + z.zoneId() + "' is unknown");
                }
            }
            case UserLocationPeriodicSubscription u -> requireUserForSubscription(u.address());
            case UserAreaSubscription a -> a.addressList().forEach(this::requireUserForSubscription);
            case UserDistanceSubscription d -> {
                d.monitoredAddress().forEach(this::requireUserForSubscription);
                if (d.referenceAddress() != null) {
                    d.referenceAddress().forEach(this::requireUserForSubscription);
                }
            }
        }
        return s;
    }

    private void requireUserForSubscription(String address) {
        if (emulator.scenario().ues().stream().noneMatch(u -> sameAddress(u.id(), address))) {
            throw MecProblemException.badRequest("address '" + address + "' is not a known user");
        }
    }

    private static SubscriptionRegistry.Entry<LocationSubscription> require(MecExchange ex,
                                                                           SubscriptionRegistry<LocationSubscription> reg) {
        String id = ex.pathParam("subscriptionId");
        return reg.get(id, ex.hostName(), null)
                .orElseThrow(() -> MecProblemException.notFound("Location subscription '" + id + "' not found"));
    }

    private void refresh() {
        userSnapshot = userSubs.all();
        zoneSnapshot = zoneSubs.all();
        List<SubscriptionRegistry.Entry<LocationSubscription>> all = new java.util.ArrayList<>(userSnapshot);
        all.addAll(zoneSnapshot);
        all.addAll(areaSubs.all());
        all.addAll(distanceSubs.all());
        triggers.refresh(all);
    }

    /** Sends a notification wrapped in its root key unless the subscription is expired or reportingCtrl refuses. */
    private boolean send(SubscriptionRegistry.Entry<LocationSubscription> e, String root, Object body, Instant time) {
        if (!live(e, ctx.clock().instant())) {
            return false;
        }
        ReportingCtrl rc = switch (e.subscription()) {
            case UserAreaSubscription a -> a.reportingCtrl();
            case UserDistanceSubscription d -> d.reportingCtrl();
            case ZoneStatusSubscription z -> z.reportingCtrl();
            default -> null;
        };
        String kind = e.subscription() instanceof UserAreaSubscription ? "area"
                : e.subscription() instanceof UserDistanceSubscription ? "distance" : "zones";
        if (!allowedByReportingCtrl(e, kind, rc, time)) {
            return false;
        }
        ctx.notifications().send(e.callback(), Map.of(root, body));
        return true;
    }

    // ------------------------------------------------------------------ notifications

    @Override
    public void onEvent(EmulatorEvent event) {
        switch (event) {
            case EmulatorEvent.ZoneEnter z -> onZone(z.ueId(), z.zoneId(), z.accessPointId(),
                    LocationEventType.ENTERING_AREA_EVENT, z.time());
            case EmulatorEvent.ZoneExit z -> onZone(z.ueId(), z.zoneId(), z.accessPointId(),
                    LocationEventType.LEAVING_AREA_EVENT, z.time());
            case EmulatorEvent.CellChange c -> {
                onAccessPointChange(c);
                triggers.onCellChange(c);
            }
            case EmulatorEvent.PositionUpdate p -> triggers.onPosition(p);
            default -> {
            }
        }
    }

    @Override
    public void onTick(Instant now) {
        triggers.onTick(now);
    }

    private boolean wants(List<LocationEventType> criteria, LocationEventType type) {
        return criteria == null || criteria.isEmpty() || criteria.contains(type);
    }

    private boolean inHost(SubscriptionRegistry.Entry<?> e, String zoneId) {
        return e.hostName() == null || emulator.scenario().hostOfZone(zoneId).name().equals(e.hostName());
    }

    private void onZone(String ueId, String zoneId, String apId, LocationEventType type, Instant time) {
        Instant now = ctx.clock().instant();
        for (SubscriptionRegistry.Entry<LocationSubscription> e : zoneSnapshot) {
            if (!(e.subscription() instanceof ZoneLocationEventSubscription z)) {
                continue;
            }
            if (!live(e, now) || !z.zoneId().equals(zoneId) || !wants(z.locationEventCriteria(), type)
                    || (z.addressList() != null && !z.addressList().isEmpty()
                    && z.addressList().stream().noneMatch(a -> sameAddress(ueId, a)))
                    || !inHost(e, zoneId) || !allowedByReportingCtrl(e, "zones", z.reportingCtrl(), time)) {
                continue;
            }
            String href = z.links().self().href();
            ctx.notifications().send(e.callback(), ueId, Map.of(ZoneLocationEventNotification.ROOT,
                    new ZoneLocationEventNotification(Links.notification(href), ueId,
                            ZoneLocationEventNotification.TYPE, TimeStamp.of(time), type, zoneId)));
        }
        for (SubscriptionRegistry.Entry<LocationSubscription> e : userSnapshot) {
            if (!(e.subscription() instanceof UserLocationEventSubscription u)) {
                continue;
            }
            UserEventPara p = u.userEventPara();
            if (p != null && p.accessPointList() != null && !p.accessPointList().isEmpty()) {
                continue; // access point areas are handled on cell changes
            }
            if (!live(e, now) || !sameAddress(ueId, u.address()) || !wants(u.locationEventCriteria(), type)
                    || (p != null && p.zoneId() != null && !p.zoneId().equals(zoneId)) || !inHost(e, zoneId)) {
                continue;
            }
            notifyUser(e, u, ueId, zoneId, apId, type, time);
        }
    }

    private void onAccessPointChange(EmulatorEvent.CellChange c) {
        Instant now = ctx.clock().instant();
        for (SubscriptionRegistry.Entry<LocationSubscription> e : userSnapshot) {
            if (!(e.subscription() instanceof UserLocationEventSubscription u)) {
                continue;
            }
            UserEventPara p = u.userEventPara();
            if (p == null || p.accessPointList() == null || p.accessPointList().isEmpty() || !live(e, now)
                    || !sameAddress(c.ueId(), u.address())) {
                continue;
            }
            boolean wasIn = c.sourceCellId() != null && p.accessPointList().contains(c.sourceCellId());
            boolean isIn = c.targetCellId() != null && p.accessPointList().contains(c.targetCellId());
            if (wasIn && !isIn && wants(u.locationEventCriteria(), LocationEventType.LEAVING_AREA_EVENT)) {
                EmulatedAccessPoint ap = emulator.accessPoint(c.sourceCellId()).orElseThrow();
                notifyUser(e, u, c.ueId(), ap.zoneId(), ap.id(), LocationEventType.LEAVING_AREA_EVENT, c.time());
            } else if (!wasIn && isIn && wants(u.locationEventCriteria(), LocationEventType.ENTERING_AREA_EVENT)) {
                EmulatedAccessPoint ap = emulator.accessPoint(c.targetCellId()).orElseThrow();
                notifyUser(e, u, c.ueId(), ap.zoneId(), ap.id(), LocationEventType.ENTERING_AREA_EVENT, c.time());
            }
        }
    }

    private void notifyUser(SubscriptionRegistry.Entry<LocationSubscription> e, UserLocationEventSubscription u,
                            String ueId, String zoneId, String apId, LocationEventType type, Instant time) {
        LocationInfo where = null;
        if (u.userEventPara() != null && Boolean.TRUE.equals(u.userEventPara().reportingLocationReq())) {
            where = emulator.ue(ueId).map(LocationApi::locationOf).orElse(null);
        }
        String href = u.links().self().href();
        ctx.notifications().send(e.callback(), ueId, Map.of(UserLocationEventNotification.ROOT,
                new UserLocationEventNotification(Links.notification(href), apId, ueId, where,
                        UserLocationEventNotification.TYPE, TimeStamp.of(time), type, zoneId)));
        if (u.userEventPara() != null
                && u.userEventPara().occurrenceInfo() == UserEventPara.OccurrenceInfo.ONE_TIME_EVENT) {
            userSubs.remove(e.id());
            refresh();
        }
    }

    /** Applies {@code reportingCtrl}: minimum interval between reports and maximum count (then the subscription ends). */
    private boolean allowedByReportingCtrl(SubscriptionRegistry.Entry<LocationSubscription> e, String kind,
                                           ReportingCtrl rc, Instant time) {
        if (rc == null) {
            return true;
        }
        String key = e.id() + kind;
        Sent before = sent.get(key);
        Integer minInterval = rc.minimumInterval();
        if (before != null && minInterval != null && minInterval > 0
                && Duration.between(before.last(), time).getSeconds() < minInterval) {
            return false;
        }
        int count = before == null ? 1 : before.count() + 1;
        sent.put(key, new Sent(count, time));
        Integer max = rc.maximumCount();
        if (max != null && max > 0 && count >= max) {
            registries.get(kind).remove(e.id());
            sent.remove(key);
            refresh();
        }
        return true;
    }

    private static boolean live(SubscriptionRegistry.Entry<?> e, Instant now) {
        return e.expiryDeadline() == null || e.expiryDeadline().isAfter(now);
    }
}
