package org.oneedge.mec.platform.location;

import org.oneedge.mec.api.common.TimeStamp;
import org.oneedge.mec.api.location.AreaInfo;
import org.oneedge.mec.api.location.DistanceCriteria;
import org.oneedge.mec.api.location.Links;
import org.oneedge.mec.api.location.LocationEventType;
import org.oneedge.mec.api.location.LocationSubscription;
import org.oneedge.mec.api.location.NotificationResult;
import org.oneedge.mec.api.location.Point;
import org.oneedge.mec.api.location.UserAreaNotification;
import org.oneedge.mec.api.location.UserAreaSubscription;
import org.oneedge.mec.api.location.UserDistanceNotification;
import org.oneedge.mec.api.location.UserDistanceSubscription;
import org.oneedge.mec.api.location.UserInfo;
import org.oneedge.mec.api.location.UserList;
import org.oneedge.mec.api.location.UserLocationPeriodicNotification;
import org.oneedge.mec.api.location.UserLocationPeriodicSubscription;
import org.oneedge.mec.api.location.ZoneStatusNotification;
import org.oneedge.mec.api.location.ZoneStatusSubscription;
import org.oneedge.mec.platform.SubscriptionRegistry.Entry;
import org.oneedge.mec.platform.emulator.EmulatedAccessPoint;
import org.oneedge.mec.platform.emulator.Emulator;
import org.oneedge.mec.platform.emulator.EmulatorEvent;
import org.oneedge.mec.platform.emulator.GeoFrame;
import org.oneedge.mec.platform.emulator.UeView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The state behind the MEC 013 subscriptions whose triggers are geometric or counted rather than zone events:
 * periodic user location (6.3.5), user area (6.3.8), user distance (6.3.9) and zone status (6.3.7). It turns emulator
 * ticks, position updates and cell changes into notifications handed to a sender; {@link LocationApi} owns the
 * subscriptions and tells it when they are created, replaced and removed.
 *
 * <pre>
 *   onTick(now)         ─▶ periodic reports due        ─▶ UserLocationPeriodicNotification (last: isFinalNotification)
 *   PositionUpdate(ue)  ─▶ area inside/outside changed ─▶ UserAreaNotification (ENTERING/LEAVING_AREA_EVENT)
 *                       ─▶ distance criterion became true ─▶ UserDistanceNotification
 *   CellChange          ─▶ zone / AP user counts; threshold reached ─▶ ZoneStatusNotification (userNumEvent 1..4)
 * </pre>
 *
 * Area membership and distance criteria use {@code trackingAccuracy} as hysteresis: a user inside a circle of radius r
 * leaves it only beyond r + trackingAccuracy, and a distance criterion that held stops holding only once it is off by
 * more than trackingAccuracy, so a user moving along the border does not flood the subscriber. A user number
 * threshold T is crossed upward when the count goes from below T to T or more, downward from above T to T or less.
 */
final class GeoTriggers {

    /** Sends {@code body} wrapped in {@code root} for entry {@code e}; false if reportingCtrl refused it. */
    interface Sender {
        boolean send(Entry<LocationSubscription> e, String root, Object body, Instant time);
    }

    private record Periodic(Instant nextDue, int sent) {
    }

    private final Emulator emulator;
    private final GeoFrame geo;
    private final Sender sender;
    private final BiConsumer<Entry<LocationSubscription>, String> finished;
    private final Map<String, Periodic> periodic = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Boolean>> inside = new ConcurrentHashMap<>();
    private final Map<String, Boolean> distanceMet = new ConcurrentHashMap<>();
    private final Map<String, double[]> positions = new ConcurrentHashMap<>();
    private final Map<String, Integer> zoneUsers = new ConcurrentHashMap<>();
    private final Map<String, Integer> apUsers = new ConcurrentHashMap<>();
    private volatile Set<String> trackedUes = Set.of();
    private volatile List<Entry<LocationSubscription>> periodicSubs = List.of();
    private volatile List<Entry<LocationSubscription>> areaSubs = List.of();
    private volatile List<Entry<LocationSubscription>> distanceSubs = List.of();
    private volatile List<Entry<LocationSubscription>> statusSubs = List.of();

    /**
     * @param finished called with a subscription that reached its end (final periodic report) and the kind of
     *                 resource it lives in, so that the API removes it
     */
    GeoTriggers(Emulator emulator, Sender sender, BiConsumer<Entry<LocationSubscription>, String> finished) {
        this.emulator = emulator;
        this.geo = emulator.geoFrame();
        this.sender = sender;
        this.finished = finished;
    }

    /** Takes the current user counts per zone and access point; call before the emulator's events are listened to. */
    void start() {
        zoneUsers.clear();
        apUsers.clear();
        for (UeView u : emulator.ues()) {
            if (u.servingCellId() != null) {
                apUsers.merge(u.servingCellId(), 1, Integer::sum);
                zoneUsers.merge(u.zoneId(), 1, Integer::sum);
            }
        }
    }

    /** The subscriptions now stored; {@code created} are new or replaced ones whose state starts afresh. */
    void refresh(List<Entry<LocationSubscription>> all) {
        periodicSubs = all.stream().filter(e -> e.subscription() instanceof UserLocationPeriodicSubscription).toList();
        areaSubs = all.stream().filter(e -> e.subscription() instanceof UserAreaSubscription).toList();
        distanceSubs = all.stream().filter(e -> e.subscription() instanceof UserDistanceSubscription).toList();
        statusSubs = all.stream().filter(e -> e.subscription() instanceof ZoneStatusSubscription).toList();
        Set<String> ids = new HashSet<>();
        Set<String> tracked = new HashSet<>();
        for (Entry<LocationSubscription> e : all) {
            ids.add(e.id());
            if (e.subscription() instanceof UserDistanceSubscription d) {
                tracked.addAll(d.monitoredAddress());
                if (d.referenceAddress() != null) {
                    tracked.addAll(d.referenceAddress());
                }
            }
        }
        trackedUes = Set.copyOf(tracked);
        periodic.keySet().retainAll(ids);
        inside.keySet().retainAll(ids);
        distanceMet.keySet().retainAll(ids);
    }

    /** Starts the state of a new or replaced subscription; a distance one with checkImmediate may notify at once. */
    void started(Entry<LocationSubscription> e) {
        switch (e.subscription()) {
            case UserLocationPeriodicSubscription p -> periodic.put(e.id(),
                    new Periodic(emulator.now().plus(interval(p)), 0));
            case UserAreaSubscription a -> {
                Map<String, Boolean> state = new ConcurrentHashMap<>();
                for (UeView u : emulator.ues()) {
                    if (a.addressList().stream().anyMatch(addr -> LocationApi.sameAddress(u.id(), addr))) {
                        state.put(u.id(), isInside(a, u.x(), u.y(), false));
                    }
                }
                inside.put(e.id(), state);
            }
            case UserDistanceSubscription d -> {
                for (UeView u : emulator.ues()) {
                    positions.put(u.id(), new double[]{u.x(), u.y()});
                }
                boolean met = distanceCriterion(d, false);
                distanceMet.put(e.id(), met);
                if (met && Boolean.TRUE.equals(d.checkImmediate())) {
                    notifyDistance(e, d, emulator.now());
                }
            }
            default -> {
            }
        }
    }

    private static Duration interval(UserLocationPeriodicSubscription p) {
        return Duration.ofNanos(Math.max(1, (long) (p.periodicEventInfo().reportingInterval() * 1e9)));
    }

    // ------------------------------------------------------------------ periodic

    void onTick(Instant now) {
        for (Entry<LocationSubscription> e : periodicSubs) {
            Periodic state = periodic.get(e.id());
            if (state == null || now.isBefore(state.nextDue())) {
                continue;
            }
            UserLocationPeriodicSubscription p = (UserLocationPeriodicSubscription) e.subscription();
            int sent = state.sent() + 1;
            boolean last = sent >= p.periodicEventInfo().reportingAmount();
            periodic.put(e.id(), new Periodic(state.nextDue().plus(interval(p)), sent));
            UeView ue = emulator.ue(p.address()).or(() -> emulator.ue("acr:" + p.address())).orElse(null);
            String href = p.links().self().href();
            boolean located = ue != null && ue.servingCellId() != null;
            sender.send(e, UserLocationPeriodicNotification.ROOT, new UserLocationPeriodicNotification(
                    Links.notification(href), located ? ue.servingCellId() : null, p.address(), last,
                    ue == null ? null : LocationApi.locationOf(ue), UserLocationPeriodicNotification.TYPE,
                    ue == null ? NotificationResult.ABNORMAL : NotificationResult.SUCCESS, TimeStamp.of(now),
                    located ? ue.zoneId() : null), now);
            if (last) {
                periodic.remove(e.id());
                finished.accept(e, "users");
            }
        }
    }

    // ------------------------------------------------------------------ area and distance

    void onPosition(EmulatorEvent.PositionUpdate p) {
        for (Entry<LocationSubscription> e : areaSubs) {
            UserAreaSubscription a = (UserAreaSubscription) e.subscription();
            Map<String, Boolean> state = inside.get(e.id());
            if (state == null || a.addressList().stream().noneMatch(addr -> LocationApi.sameAddress(p.ueId(), addr))) {
                continue;
            }
            Boolean was = state.get(p.ueId());
            boolean is = isInside(a, p.x(), p.y(), Boolean.TRUE.equals(was));
            state.put(p.ueId(), is);
            if (was == null || was == is) {
                continue;
            }
            LocationEventType type = is ? LocationEventType.ENTERING_AREA_EVENT : LocationEventType.LEAVING_AREA_EVENT;
            if (a.locationEventCriteria() != null && !a.locationEventCriteria().isEmpty()
                    && !a.locationEventCriteria().contains(type)) {
                continue;
            }
            String href = a.links().self().href();
            sender.send(e, UserAreaNotification.ROOT, new UserAreaNotification(Links.notification(href),
                    p.ueId(), Boolean.TRUE.equals(a.reportingLocationReq())
                    ? org.oneedge.mec.api.location.LocationInfo.point(p.latitude(), p.longitude(), null) : null,
                    UserAreaNotification.TYPE, TimeStamp.of(p.time()), type), p.time());
        }
        if (!trackedUes.isEmpty() && isTracked(p.ueId())) {
            positions.put(p.ueId(), new double[]{p.x(), p.y()});
            for (Entry<LocationSubscription> e : distanceSubs) {
                UserDistanceSubscription d = (UserDistanceSubscription) e.subscription();
                if (!involves(d, p.ueId())) {
                    continue;
                }
                boolean was = Boolean.TRUE.equals(distanceMet.get(e.id()));
                boolean is = distanceCriterion(d, was);
                distanceMet.put(e.id(), is);
                if (is && !was) {
                    notifyDistance(e, d, p.time());
                }
            }
        }
    }

    private boolean isTracked(String ueId) {
        for (String a : trackedUes) {
            if (LocationApi.sameAddress(ueId, a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean involves(UserDistanceSubscription d, String ueId) {
        return d.monitoredAddress().stream().anyMatch(a -> LocationApi.sameAddress(ueId, a))
                || (d.referenceAddress() != null
                && d.referenceAddress().stream().anyMatch(a -> LocationApi.sameAddress(ueId, a)));
    }

    /** Inside the area; a user already inside stays inside until it is more than trackingAccuracy out. */
    private boolean isInside(UserAreaSubscription a, double x, double y, boolean wasInside) {
        AreaInfo area = a.areaDefine();
        double margin = wasInside ? a.trackingAccuracy() : 0;
        if (area.shape() == AreaInfo.CIRCLE) {
            Point c = area.points().get(0);
            return Math.hypot(x - geo.xOf(c.longitude()), y - geo.yOf(c.latitude())) <= area.radius() + margin;
        }
        int n = area.points().size();
        boolean in = false;
        double minEdge = Double.MAX_VALUE;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = geo.xOf(area.points().get(i).longitude()), yi = geo.yOf(area.points().get(i).latitude());
            double xj = geo.xOf(area.points().get(j).longitude()), yj = geo.yOf(area.points().get(j).latitude());
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                in = !in;
            }
            minEdge = Math.min(minEdge, segmentDistance(x, y, xi, yi, xj, yj));
        }
        return in || (margin > 0 && minEdge <= margin);
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    /**
     * Whether the criterion holds over the pairs (monitored × reference, or every pair of monitored users); once it
     * held ({@code wasMet}), distances are judged with trackingAccuracy in its favour.
     */
    private boolean distanceCriterion(UserDistanceSubscription d, boolean wasMet) {
        List<double[]> pairs = new ArrayList<>();
        List<String> monitored = d.monitoredAddress();
        List<String> reference = d.referenceAddress() == null || d.referenceAddress().isEmpty() ? null
                : d.referenceAddress();
        for (int i = 0; i < monitored.size(); i++) {
            double[] a = position(monitored.get(i));
            List<String> others = reference != null ? reference : monitored.subList(i + 1, monitored.size());
            for (String other : others) {
                double[] b = position(other);
                if (a != null && b != null) {
                    pairs.add(new double[]{Math.hypot(a[0] - b[0], a[1] - b[1])});
                }
            }
        }
        if (pairs.isEmpty()) {
            return false;
        }
        double slack = wasMet ? d.trackingAccuracy() : 0;
        double limit = d.distance();
        boolean all = true;
        boolean any = false;
        for (double[] p : pairs) {
            boolean ok = switch (d.criteria()) {
                case AllWithinDistance, AnyWithinDistance -> p[0] <= limit + slack;
                case AllBeyondDistance, AnyBeyondDistance -> p[0] > limit - slack;
            };
            all &= ok;
            any |= ok;
        }
        return d.criteria() == DistanceCriteria.AllWithinDistance || d.criteria() == DistanceCriteria.AllBeyondDistance
                ? all : any;
    }

    private double[] position(String address) {
        double[] p = positions.get(address);
        if (p != null) {
            return p;
        }
        for (Map.Entry<String, double[]> e : positions.entrySet()) {
            if (LocationApi.sameAddress(e.getKey(), address)) {
                return e.getValue();
            }
        }
        return null;
    }

    private void notifyDistance(Entry<LocationSubscription> e, UserDistanceSubscription d, Instant time) {
        String href = d.links().self().href();
        String base = href.substring(0, href.indexOf("/subscriptions/"));
        List<UserInfo> users = new ArrayList<>();
        for (UeView u : emulator.ues()) {
            if (u.servingCellId() != null
                    && d.monitoredAddress().stream().anyMatch(a -> LocationApi.sameAddress(u.id(), a))) {
                users.add(LocationApi.userInfo(base, u));
            }
        }
        sender.send(e, UserDistanceNotification.ROOT, new UserDistanceNotification(Links.notification(href),
                d.criteria(), new UserList(base + "/queries/users", users), UserDistanceNotification.TYPE,
                TimeStamp.of(time)), time);
    }

    // ------------------------------------------------------------------ zone status

    void onCellChange(EmulatorEvent.CellChange c) {
        EmulatedAccessPoint src = c.sourceCellId() == null ? null : emulator.accessPoint(c.sourceCellId()).orElse(null);
        EmulatedAccessPoint trg = c.targetCellId() == null ? null : emulator.accessPoint(c.targetCellId()).orElse(null);
        String srcZone = src == null ? null : src.zoneId();
        String trgZone = trg == null ? null : trg.zoneId();
        List<Entry<LocationSubscription>> subs = statusSubs;
        if (src != null) {
            int before = apUsers.merge(src.id(), -1, Integer::sum) + 1;
            apCrossing(subs, src, before, before - 1, c.time());
        }
        if (trg != null) {
            int before = apUsers.merge(trg.id(), 1, Integer::sum) - 1;
            apCrossing(subs, trg, before, before + 1, c.time());
        }
        if (!Objects.equals(srcZone, trgZone)) {
            if (srcZone != null) {
                int before = zoneUsers.merge(srcZone, -1, Integer::sum) + 1;
                zoneCrossing(subs, srcZone, before, before - 1, c.time());
            }
            if (trgZone != null) {
                int before = zoneUsers.merge(trgZone, 1, Integer::sum) - 1;
                zoneCrossing(subs, trgZone, before, before + 1, c.time());
            }
        }
    }

    private void zoneCrossing(List<Entry<LocationSubscription>> subs, String zone, int before, int after,
                              Instant time) {
        for (Entry<LocationSubscription> e : subs) {
            ZoneStatusSubscription z = (ZoneStatusSubscription) e.subscription();
            if (!z.zoneId().equals(zone)) {
                continue;
            }
            Integer event = crossing(before, after, z.upperNumberOfUsersZoneThreshold(),
                    z.lowerNumberOfUsersZoneThreshold(), ZoneStatusNotification.OVER_ZONE_UPPER_THD,
                    ZoneStatusNotification.UNDER_ZONE_LOWER_THD);
            if (event != null) {
                sender.send(e, ZoneStatusNotification.ROOT, new ZoneStatusNotification(
                        Links.notification(z.links().self().href()), null, ZoneStatusNotification.TYPE, null,
                        TimeStamp.of(time), event, zone), time);
            }
        }
    }

    private void apCrossing(List<Entry<LocationSubscription>> subs, EmulatedAccessPoint ap, int before, int after,
                            Instant time) {
        for (Entry<LocationSubscription> e : subs) {
            ZoneStatusSubscription z = (ZoneStatusSubscription) e.subscription();
            if (!z.zoneId().equals(ap.zoneId())) {
                continue;
            }
            Integer event = crossing(before, after, z.upperNumberOfUsersAPThreshold(),
                    z.lowerNumberOfUsersAPThreshold(), ZoneStatusNotification.OVER_AP_UPPER_THD,
                    ZoneStatusNotification.UNDER_AP_LOWER_THD);
            if (event != null) {
                sender.send(e, ZoneStatusNotification.ROOT, new ZoneStatusNotification(
                        Links.notification(z.links().self().href()), ap.id(), ZoneStatusNotification.TYPE, null,
                        TimeStamp.of(time), event, ap.zoneId()), time);
            }
        }
    }

    private static Integer crossing(int before, int after, Integer upper, Integer lower, int overEvent,
                                    int underEvent) {
        if (upper != null && before < upper && after >= upper) {
            return overEvent;
        }
        if (lower != null && before > lower && after <= lower) {
            return underEvent;
        }
        return null;
    }

    /** Users now in a zone (for tests and queries). */
    int usersInZone(String zoneId) {
        return zoneUsers.getOrDefault(zoneId, 0);
    }
}
