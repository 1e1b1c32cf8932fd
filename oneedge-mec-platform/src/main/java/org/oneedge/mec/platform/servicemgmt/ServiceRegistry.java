package org.oneedge.mec.platform.servicemgmt;

import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.servicemgmt.ChangeType;
import org.oneedge.mec.api.servicemgmt.ServiceInfo;
import org.oneedge.mec.api.servicemgmt.ServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MEC 011 service registry (clause 5.2.4/8.2): the services MEC apps and the platform itself offer, with the app
 * instance that owns each and the MEC host it runs on. Changes are reported to {@link Listener}s (the service
 * management API turns them into {@code ServiceAvailabilityNotification}s).
 */
public final class ServiceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistry.class);

    /**
     * One registered service.
     *
     * @param info          as stored: with {@code serInstanceId}, without {@code _links} and {@code isLocal} (those
     *                      depend on who asks)
     * @param owner         the owning app instance id; {@code null} for the platform's own services
     * @param hostName      the MEC host the service runs on; {@code null} = system-wide
     * @param lastHeartbeat last liveness update (or registration time)
     */
    public record Registration(ServiceInfo info, String owner, String hostName, Instant lastHeartbeat, long order) {

        public String id() {
            return info.serInstanceId();
        }

        /** Whether the service is local to the given view: all are local to the system-wide view. */
        public boolean isLocalTo(String viewHostName) {
            return viewHostName == null || viewHostName.equals(hostName);
        }
    }

    /** Told about every registry change. */
    @FunctionalInterface
    public interface Listener {
        void serviceChanged(ChangeType change, Registration registration);
    }

    private final Clock clock;
    private final Map<String, Registration> services = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong order = new AtomicLong();

    public ServiceRegistry(Clock clock) {
        this.clock = clock;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Registers a service; a fresh {@code serInstanceId} is assigned. */
    public Registration register(String owner, String hostName, ServiceInfo info) {
        String id = UUID.randomUUID().toString();
        ServiceInfo stored = new ServiceInfo(id, info.serName(), info.serCategory(), info.version(), info.state(),
                info.transportId(), info.transportInfo(), info.serializer(), info.scopeOfLocality(),
                info.consumedLocalOnly(), null, info.livenessInterval(), null);
        Registration r = new Registration(stored, owner, hostName, clock.instant(), order.incrementAndGet());
        services.put(id, r);
        LOG.debug("Registered MEC service {} '{}' owner={} host={}", id, info.serName(), owner, hostName);
        fire(ChangeType.ADDED, r);
        return r;
    }

    public Optional<Registration> get(String serInstanceId) {
        return Optional.ofNullable(services.get(serInstanceId));
    }

    /** Replaces the service's attributes (not its id, owner or host) and reports the kind of change. */
    public Registration update(String serInstanceId, ServiceInfo info) {
        Registration old = get(serInstanceId)
                .orElseThrow(() -> MecProblemException.notFound("no MEC service '" + serInstanceId + "'"));
        ServiceInfo stored = new ServiceInfo(serInstanceId, info.serName(), info.serCategory(), info.version(),
                info.state(), info.transportId(), info.transportInfo(), info.serializer(), info.scopeOfLocality(),
                info.consumedLocalOnly(), null, info.livenessInterval(), null);
        Registration updated = new Registration(stored, old.owner(), old.hostName(), old.lastHeartbeat(), old.order());
        services.put(serInstanceId, updated);
        ChangeType change = old.info().withState(stored.state()).equals(stored) && old.info().state() != stored.state()
                ? ChangeType.STATE_CHANGED
                : ChangeType.ATTRIBUTES_CHANGED;
        if (!old.info().equals(stored)) {
            fire(change, updated);
        }
        return updated;
    }

    /** Records a heartbeat (MEC 011 liveness) with the state the service reports. */
    public Registration heartbeat(String serInstanceId, ServiceState state) {
        Registration old = get(serInstanceId)
                .orElseThrow(() -> MecProblemException.notFound("no MEC service '" + serInstanceId + "'"));
        Registration updated = new Registration(old.info().withState(state), old.owner(), old.hostName(),
                clock.instant(), old.order());
        services.put(serInstanceId, updated);
        if (old.info().state() != state) {
            fire(ChangeType.STATE_CHANGED, updated);
        }
        return updated;
    }

    /**
     * Suspends every ACTIVE service whose heartbeat is overdue (more than twice its {@code livenessInterval} seconds
     * old), reporting STATE_CHANGED; the next heartbeat may make it ACTIVE again. Returns the suspended ones.
     */
    public List<Registration> suspendSilentServices() {
        Instant now = clock.instant();
        List<Registration> suspended = new ArrayList<>();
        for (Registration r : all()) {
            Integer interval = r.info().livenessInterval();
            if (interval != null && interval > 0 && r.info().state() == ServiceState.ACTIVE
                    && r.lastHeartbeat().plusSeconds(2L * interval).isBefore(now)) {
                Registration s = new Registration(r.info().withState(ServiceState.SUSPENDED), r.owner(),
                        r.hostName(), r.lastHeartbeat(), r.order());
                if (services.replace(r.id(), r, s)) {
                    LOG.debug("MEC service {} '{}' missed its heartbeats: SUSPENDED", r.id(), r.info().serName());
                    suspended.add(s);
                    fire(ChangeType.STATE_CHANGED, s);
                }
            }
        }
        return suspended;
    }

    public Optional<Registration> deregister(String serInstanceId) {
        Registration removed = services.remove(serInstanceId);
        if (removed != null) {
            LOG.debug("Deregistered MEC service {} '{}'", serInstanceId, removed.info().serName());
            fire(ChangeType.REMOVED, removed);
        }
        return Optional.ofNullable(removed);
    }

    /** Deregisters all services of an app instance (on its termination). */
    public List<Registration> deregisterOwnedBy(String owner) {
        List<Registration> removed = new ArrayList<>();
        for (Registration r : all()) {
            if (owner.equals(r.owner())) {
                deregister(r.id()).ifPresent(removed::add);
            }
        }
        return removed;
    }

    /** All services in registration order. */
    public List<Registration> all() {
        return services.values().stream().sorted(Comparator.comparingLong(Registration::order)).toList();
    }

    private void fire(ChangeType change, Registration r) {
        for (Listener l : listeners) {
            try {
                l.serviceChanged(change, r);
            } catch (RuntimeException e) {
                LOG.warn("Service registry listener failed on {} of {}", change, r.id(), e);
            }
        }
    }
}
