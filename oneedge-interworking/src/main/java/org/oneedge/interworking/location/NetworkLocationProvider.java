package org.oneedge.interworking.location;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.oneedge.client.OneM2MClient;
import org.oneedge.client.RemoteResource;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.location.LocationClient;
import org.oneedge.mec.api.location.LocationInfo;
import org.oneedge.mec.api.location.UserInfo;
import org.oneedge.mec.api.location.UserList;
import org.oneedge.model.CseClient;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The location server behind network-based {@code <locationPolicy>} resources (TS-0001 10.2.9, {@code los} 1): finds
 * the policies below a CSEBase, asks MEC 013 for the position of each policy's target ({@code lot}, mapped to a UE
 * address) every {@code lou}, and writes each position as a {@code <contentInstance>} into the policy's location
 * container ({@code loi}). The policy's {@code lost} tells whether the last request succeeded (1) or failed (2).
 *
 * <pre>
 *  every scanInterval:  discover ty=10 under the CSEBase -> retrieve -> (re)schedule los=1 policies
 *  every lou:           GET /queries/users?address=&lt;ue&gt; -> CREATE cin {"typ":1,"crd":"[lon,lat]"} under loi
 *                        -> UPDATE lcp lost=1 (or lost=2 when the UE is unknown or has no position)
 * </pre>
 *
 * The content of each instance is an {@code m2m:geoCoordinates} value (TS-0004 6.3.5.x, the format of the universal
 * {@code loc} attribute): {@code typ} 1 (Point) and {@code crd} the GeoJSON coordinates {@code [longitude,latitude]}.
 * A policy with {@code lit} 2 (Geofence_event) gets no positions but one instance per geofence event its
 * {@code gec} asks for ({@link Geofence}): the position at that fix plus {@code gec}, the event (1 Entering,
 * 2 Leaving, 3 Inside, 4 Outside); {@code lit} 2 without a Polygon {@code gta} sets {@code lost} 2.
 */
public final class NetworkLocationProvider implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NetworkLocationProvider.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int SUCCESSFUL = 1;
    private static final int FAILURE = 2;

    private final NetworkLocationConfig config;
    private final OneM2MClient cse;
    private final LocationClient location;
    private final Map<String, Scheduled> policies = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public NetworkLocationProvider(NetworkLocationConfig config, CseClient cse) {
        this(config, cse, LocationClient.of(config.locationUrl()));
    }

    public NetworkLocationProvider(NetworkLocationConfig config, CseClient cse, LocationClient location) {
        this.config = Objects.requireNonNull(config, "config");
        this.cse = OneM2MClient.builder(cse).cseBase(config.cseBaseName()).originator(config.originator())
                .releaseVersion(config.releaseVersion()).build();
        this.location = Objects.requireNonNull(location, "location");
    }

    /** Starts watching; the first scan runs at once. */
    public synchronized NetworkLocationProvider start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                    .name("network-location").factory());
            scheduler.scheduleWithFixedDelay(this::scanSafely, 0, config.scanInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
            log.info("network location provider started cseBase={} location={}", config.cseBaseName(),
                    config.locationUrl());
        }
        return this;
    }

    /** Stops all position requests. */
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            policies.clear();
            log.info("network location provider stopped cseBase={}", config.cseBaseName());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Addresses of the policies currently served. */
    public Set<String> watchedPolicies() {
        return Set.copyOf(policies.keySet());
    }

    private void scanSafely() {
        try {
            scan();
        } catch (RuntimeException e) {
            log.warn("locationPolicy scan failed cseBase={}: {}", config.cseBaseName(), e.getMessage());
        }
    }

    private void scan() {
        List<String> found = cse.discover(config.cseBaseName(), ResourceType.LOCATION_POLICY);
        Map<String, WatchedPolicy> wanted = new HashMap<>();
        for (String path : found) {
            try {
                RemoteResource lcp = cse.retrieve(path);
                WatchedPolicy.of(path, lcp.attributes(), config.defaultUpdatePeriod())
                        .ifPresent(p -> wanted.put(path, p));
            } catch (OneM2MException e) {
                log.debug("locationPolicy {} not readable: {}", path, e.getMessage());
            }
        }
        for (String path : new HashSet<>(policies.keySet())) {
            Scheduled s = policies.get(path);
            if (!s.policy().equals(wanted.get(path))) {
                if (s.future() != null) {
                    s.future().cancel(false);
                }
                policies.remove(path);
                log.info("locationPolicy {} no longer served", path);
            }
        }
        wanted.forEach((path, policy) -> {
            if (!policies.containsKey(path)) {
                log.info("locationPolicy {} served target={} container={} period={}", path, policy.target(),
                        policy.container(), policy.period());
                Scheduled s = new Scheduled(policy);
                policies.put(path, s);
                s.future = scheduler.scheduleWithFixedDelay(() -> locateSafely(policy), 0,
                        policy.period().toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private void locateSafely(WatchedPolicy policy) {
        Scheduled s = policies.get(policy.path());
        try {
            locate(policy);
            if (s != null) {
                s.failing = false;
            }
        } catch (RuntimeException e) {
            if (s != null && !s.failing) {
                s.failing = true;
                log.warn("locationPolicy {} update failed (repeats logged at DEBUG): {}", policy.path(),
                        e.getMessage());
            } else {
                log.debug("locationPolicy {} update failed: {}", policy.path(), e.getMessage());
            }
        }
    }

    private void locate(WatchedPolicy policy) {
        String address = config.addressOf(policy.target());
        LocationInfo position;
        try {
            position = positionOf(address);
        } catch (MecProblemException e) {
            position = null;
            log.debug("MEC 013 query for {} failed: {}", address, e.getMessage());
        }
        if (policy.geofence() != null && !policy.geofence().usable()) {
            log.debug("locationPolicy {}: lit 2 without a usable gta (a Polygon, typ 3)", policy.path());
            reportStatus(policy, FAILURE);
            return;
        }
        if (position == null || position.latitude() == null || position.latitude().isEmpty()
                || position.longitude() == null || position.longitude().isEmpty()) {
            log.debug("locationPolicy {}: no position for target={} address={}", policy.path(), policy.target(),
                    address);
            reportStatus(policy, FAILURE);
            return;
        }
        double latitude = position.latitude().get(0);
        double longitude = position.longitude().get(0);
        if (policy.geofence() == null) {
            cse.createContentInstance(policy.container(), geoCoordinates(latitude, longitude));
        } else {
            Scheduled s = policies.get(policy.path());
            boolean inside = policy.geofence().contains(longitude, latitude);
            Boolean wasInside = s == null ? null : s.inside;
            java.util.Optional<Integer> event = policy.geofence().event(wasInside, inside);
            if (event.isPresent()) {
                cse.createContentInstance(policy.container(), geoCoordinates(latitude, longitude)
                        .put("gec", event.get()));
                log.debug("locationPolicy {}: geofence event {} for target={}", policy.path(), event.get(),
                        policy.target());
            }
            if (s != null) {
                s.inside = inside;   // only after the event is stored: a failed write is reported again
            }
        }
        reportStatus(policy, SUCCESSFUL);
    }

    private LocationInfo positionOf(String address) {
        UserList users = location.users(null, null, address);
        if (users == null || users.user() == null) {
            return null;
        }
        return users.user().stream().filter(u -> address.equals(u.address())).findFirst()
                .map(UserInfo::locationInfo).orElse(null);
    }

    private void reportStatus(WatchedPolicy policy, int status) {
        Scheduled s = policies.get(policy.path());
        if (s == null || s.lastStatus == status) {
            return;
        }
        cse.update(policy.path(), ResourceType.LOCATION_POLICY, NODES.objectNode().put("lost", status));
        s.lastStatus = status;
    }

    /** An {@code m2m:geoCoordinates} Point: {@code crd} holds GeoJSON {@code [longitude,latitude]}. */
    static ObjectNode geoCoordinates(double latitude, double longitude) {
        return NODES.objectNode().put("typ", 1)
                .put("crd", String.format(Locale.ROOT, "[%s,%s]", longitude, latitude));
    }

    /** A served policy and its periodic task. */
    private static final class Scheduled {
        private final WatchedPolicy policy;
        private volatile ScheduledFuture<?> future;
        private volatile int lastStatus;
        private volatile boolean failing;
        private volatile Boolean inside;   // geofence: where the target was at the last fix (null = no fix yet)

        Scheduled(WatchedPolicy policy) {
            this.policy = policy;
        }

        WatchedPolicy policy() {
            return policy;
        }

        ScheduledFuture<?> future() {
            return future;
        }
    }
}
