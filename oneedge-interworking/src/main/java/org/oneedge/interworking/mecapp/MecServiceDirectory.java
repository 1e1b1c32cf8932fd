package org.oneedge.interworking.mecapp;

import org.oneedge.mec.api.servicemgmt.ServiceInfo;
import org.oneedge.mec.api.servicemgmt.ServiceState;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a MEC application currently knows about the platform's RNIS, Location, AMS and metrics services: the chosen
 * {@link ServiceInfo} and its REST endpoint per {@link MecServiceKind}, refreshed from discovery and service
 * availability notifications (MEC 011 clause 5.2.4/5.2.5). Other components read URLs here and listen for changes.
 * Thread-safe.
 */
public final class MecServiceDirectory {

    /** Told when the endpoint of a kind appears, changes or goes away ({@code url} empty). */
    @FunctionalInterface
    public interface Listener {
        void serviceChanged(MecServiceKind kind, Optional<String> url);
    }

    private final Map<MecServiceKind, ServiceInfo> services = new EnumMap<>(MecServiceKind.class);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** The REST endpoint of the service of this kind, if one is known and ACTIVE. */
    public Optional<String> url(MecServiceKind kind) {
        return service(kind).flatMap(ServiceInfo::endpointUri);
    }

    /** The registered service of this kind, if one is known and ACTIVE. */
    public synchronized Optional<ServiceInfo> service(MecServiceKind kind) {
        return Optional.ofNullable(services.get(kind));
    }

    /** All known endpoints. */
    public synchronized Map<MecServiceKind, String> urls() {
        Map<MecServiceKind, String> out = new EnumMap<>(MecServiceKind.class);
        services.forEach((k, s) -> s.endpointUri().ifPresent(u -> out.put(k, u)));
        return out;
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Replaces what is known with the result of a discovery: per kind the first ACTIVE matching service, local ones
     * ({@code isLocal}) and MEC-host scoped ones preferred. Listeners hear about every kind whose URL changed.
     */
    public void refresh(List<ServiceInfo> discovered) {
        Map<MecServiceKind, Optional<String>> changed = new EnumMap<>(MecServiceKind.class);
        synchronized (this) {
            for (MecServiceKind kind : MecServiceKind.values()) {
                Optional<ServiceInfo> best = discovered.stream()
                        .filter(s -> s.state() == ServiceState.ACTIVE && kind.matches(s))
                        .filter(s -> s.endpointUri().isPresent())
                        .min(Comparator.comparingInt(MecServiceDirectory::preference));
                Optional<String> before = Optional.ofNullable(services.get(kind)).flatMap(ServiceInfo::endpointUri);
                Optional<String> after = best.flatMap(ServiceInfo::endpointUri);
                if (best.isPresent()) {
                    services.put(kind, best.get());
                } else {
                    services.remove(kind);
                }
                if (!before.equals(after)) {
                    changed.put(kind, after);
                }
            }
        }
        changed.forEach((kind, url) -> listeners.forEach(l -> l.serviceChanged(kind, url)));
    }

    private static int preference(ServiceInfo s) {
        int score = Boolean.FALSE.equals(s.isLocal()) ? 2 : 0;
        if (s.scopeOfLocality() != null && s.scopeOfLocality().name().equals("MEC_SYSTEM")) {
            score += 1;
        }
        return score;
    }
}
