package org.oneedge.mec.platform.appsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oneedge.mec.api.appsupport.AppInfo;
import org.oneedge.mec.api.appsupport.OperationActionType;
import org.oneedge.mec.api.common.MecProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MEC application instances the platform knows (MEC 011 clause 5.2.2/5.2.3): created by self-registration
 * ({@code /registrations}) or by 010-2 instantiation, gated by {@code confirm_ready}, and shut down through the
 * graceful termination handshake:
 *
 * <pre>
 *   requestShutdown(id, TERMINATING) -> listeners send AppTerminationNotification
 *        -> app POSTs confirm_termination  (or maxGracefulTimeout passes; at once if the app has no
 *           termination subscription)
 *        -> future completes; TERMINATING: the instance is removed (listeners drop its services and subscriptions)
 * </pre>
 */
public final class AppInstanceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(AppInstanceRegistry.class);

    /** Lifecycle of an app instance as the platform sees it. */
    public enum State { REGISTERED, READY, STOPPING, STOPPED, TERMINATING }

    /**
     * One app instance.
     *
     * @param hostName the MEC host it runs on ({@code null} if unknown)
     */
    public record AppInstance(String appInstanceId, String hostName, AppInfo info, State state, long order) {

        AppInstance with(State newState) {
            return new AppInstance(appInstanceId, hostName, info, newState, order);
        }
    }

    /** Told about shutdown requests and removals. */
    public interface Listener {
        /**
         * The app should be told to shut down ({@code AppTerminationNotification}); returns whether anybody was
         * told (if nobody was, the platform does not wait for a confirmation).
         */
        default boolean shutdownRequested(AppInstance app, OperationActionType action, Duration gracePeriod) {
            return false;
        }

        /** The app instance is gone: drop whatever belongs to it. */
        default void removed(AppInstance app) {
        }
    }

    private record PendingShutdown(OperationActionType action, CompletableFuture<Boolean> done) {
    }

    private final Duration gracePeriod;
    private final ScheduledExecutorService scheduler;
    private final Map<String, AppInstance> apps = new ConcurrentHashMap<>();
    private final Map<String, PendingShutdown> pending = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> selfRegistered = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, ObjectNode>> dnsRules = new ConcurrentHashMap<>();
    private final AtomicLong order = new AtomicLong();

    public AppInstanceRegistry(Duration gracePeriod, ScheduledExecutorService scheduler) {
        this.gracePeriod = gracePeriod;
        this.scheduler = scheduler;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public Duration gracePeriod() {
        return gracePeriod;
    }

    /**
     * Adds an app instance. {@code appInstanceId} may be {@code null} (one is generated); an id already in use is a
     * 409.
     */
    public AppInstance add(String appInstanceId, String hostName, AppInfo info) {
        String id = appInstanceId == null || appInstanceId.isBlank() ? UUID.randomUUID().toString() : appInstanceId;
        AppInstance app = new AppInstance(id, hostName, info.withAppInstanceId(id), State.REGISTERED,
                order.incrementAndGet());
        if (apps.putIfAbsent(id, app) != null) {
            throw MecProblemException.conflict("app instance '" + id + "' is already registered");
        }
        LOG.debug("MEC app instance {} '{}' registered on host {}", id, info.appName(), hostName);
        return app;
    }

    public Optional<AppInstance> get(String appInstanceId) {
        return Optional.ofNullable(apps.get(appInstanceId));
    }

    /**
     * Self-registration ({@code POST /registrations}): a new instance, or, when {@code info.appInstanceId} names an
     * instance the platform itself instantiated (010-2, {@code isInsByMec}) that has not registered yet, that
     * instance with the app's own {@code AppInfo} (MEC 011 v3: apps instantiated by the MEC system register with the
     * id they were given). Any other id in use is a 409.
     */
    public AppInstance selfRegister(String hostName, AppInfo info) {
        String id = info.appInstanceId();
        if (id != null) {
            AppInstance existing = apps.get(id);
            if (existing != null && Boolean.TRUE.equals(existing.info().isInsByMec())
                    && !selfRegistered.contains(id)) {
                AppInfo merged = new AppInfo(info.appName(), info.appProvider(), info.appCategory(),
                        info.appDId() != null ? info.appDId() : existing.info().appDId(), id, info.endpoint(),
                        info.appServiceRequired(), info.appServiceOptional(), info.appFeatureRequired(),
                        info.appFeatureOptional(), true, info.appProfile());
                AppInstance updated = new AppInstance(id, existing.hostName(), merged, existing.state(),
                        existing.order());
                apps.put(id, updated);
                selfRegistered.add(id);
                return updated;
            }
        }
        AppInstance added = add(id, hostName, info);
        selfRegistered.add(added.appInstanceId());
        return added;
    }

    /** The app instance or 404. */
    public AppInstance require(String appInstanceId) {
        return get(appInstanceId).orElseThrow(
                () -> MecProblemException.notFound("no MEC application instance '" + appInstanceId + "'"));
    }

    /** The app instance if it has confirmed READY; 404 if unknown, 403 otherwise (MEC 011 clause 5.2.2). */
    public AppInstance requireReady(String appInstanceId) {
        AppInstance app = require(appInstanceId);
        if (app.state() != State.READY) {
            throw MecProblemException.forbidden("app instance '" + appInstanceId + "' is " + app.state()
                    + "; it must POST confirm_ready first");
        }
        return app;
    }

    public List<AppInstance> all() {
        return apps.values().stream().sorted(Comparator.comparingLong(AppInstance::order)).toList();
    }

    /** Replaces the registration info (PUT /registrations/{id}). */
    public AppInstance updateInfo(String appInstanceId, AppInfo info) {
        AppInstance app = require(appInstanceId);
        AppInstance updated = new AppInstance(app.appInstanceId(), app.hostName(), info.withAppInstanceId(
                app.appInstanceId()), app.state(), app.order());
        apps.put(appInstanceId, updated);
        return updated;
    }

    /** {@code confirm_ready}: the instance is up. Idempotent. */
    public AppInstance confirmReady(String appInstanceId) {
        AppInstance app = require(appInstanceId);
        if (app.state() == State.TERMINATING) {
            throw MecProblemException.conflict("app instance '" + appInstanceId + "' is terminating");
        }
        AppInstance ready = app.with(State.READY);
        apps.put(appInstanceId, ready);
        LOG.debug("MEC app instance {} is READY", appInstanceId);
        return ready;
    }

    /**
     * Asks the app to shut down: listeners notify it, then the returned future completes with {@code true} when it
     * confirms or {@code false} when the grace period passes. TERMINATING then removes the instance, STOPPING leaves
     * it STOPPED.
     */
    public CompletableFuture<Boolean> requestShutdown(String appInstanceId, OperationActionType action) {
        return requestShutdown(appInstanceId, action, gracePeriod);
    }

    /** As {@link #requestShutdown(String, OperationActionType)} with a specific grace period. */
    public CompletableFuture<Boolean> requestShutdown(String appInstanceId, OperationActionType action,
                                                      Duration grace) {
        AppInstance app = require(appInstanceId);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        PendingShutdown previous = pending.putIfAbsent(appInstanceId, new PendingShutdown(action, done));
        if (previous != null) {
            return previous.done();
        }
        apps.put(appInstanceId, app.with(action == OperationActionType.TERMINATING ? State.TERMINATING
                : State.STOPPING));
        boolean told = false;
        for (Listener l : listeners) {
            told |= l.shutdownRequested(app, action, grace);
        }
        if (told) {
            scheduler.schedule(() -> finishShutdown(appInstanceId, false), grace.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            finishShutdown(appInstanceId, false); // no termination subscription: nobody can confirm
        }
        return done;
    }

    /** {@code confirm_termination}: 409 when no shutdown is pending, 400 when the action does not match. */
    public void confirmShutdown(String appInstanceId, OperationActionType action) {
        require(appInstanceId);
        PendingShutdown p = pending.get(appInstanceId);
        if (p == null) {
            throw MecProblemException.conflict("no termination or stop is pending for app instance '"
                    + appInstanceId + "'");
        }
        if (p.action() != action) {
            throw MecProblemException.badRequest("operationAction " + action + " does not match the pending "
                    + p.action());
        }
        finishShutdown(appInstanceId, true);
    }

    private void finishShutdown(String appInstanceId, boolean confirmed) {
        PendingShutdown p = pending.remove(appInstanceId);
        if (p == null) {
            return;
        }
        if (p.action() == OperationActionType.TERMINATING) {
            remove(appInstanceId);
        } else {
            apps.computeIfPresent(appInstanceId, (k, a) -> a.with(State.STOPPED));
        }
        LOG.debug("MEC app instance {} {} ({})", appInstanceId, p.action() == OperationActionType.TERMINATING
                ? "terminated" : "stopped", confirmed ? "confirmed" : "grace period expired");
        p.done().complete(confirmed);
    }

    /** Marks an instance STOPPED at once (forceful stop, no handshake). */
    public void stopped(String appInstanceId) {
        pending.remove(appInstanceId);
        apps.computeIfPresent(appInstanceId, (k, a) -> a.with(State.STOPPED));
    }

    /** Marks a stopped instance as running again (010-2 operate START): it must confirm READY again. */
    public void restart(String appInstanceId) {
        apps.computeIfPresent(appInstanceId, (k, a) -> a.with(State.REGISTERED));
    }

    /**
     * Sets the app's DNS rules (MEC 011 {@code DnsRule} objects, from the AppD's {@code appDNSRule} on 010-2
     * instantiation); they are served by {@code /applications/{id}/dns_rules}.
     */
    public void setDnsRules(String appInstanceId, List<ObjectNode> rules) {
        Map<String, ObjectNode> byId = new java.util.LinkedHashMap<>();
        for (ObjectNode r : rules) {
            byId.put(r.path("dnsRuleId").asText(), r);
        }
        dnsRules.put(appInstanceId, java.util.Collections.synchronizedMap(byId));
    }

    /** The app's DNS rules in order. */
    public List<ObjectNode> dnsRules(String appInstanceId) {
        Map<String, ObjectNode> rules = dnsRules.get(appInstanceId);
        if (rules == null) {
            return List.of();
        }
        synchronized (rules) {
            return rules.values().stream().map(ObjectNode::deepCopy).toList();
        }
    }

    /** Replaces one DNS rule (PUT, e.g. to change {@code state}); empty if the app has no such rule. */
    public Optional<ObjectNode> replaceDnsRule(String appInstanceId, String dnsRuleId, ObjectNode rule) {
        Map<String, ObjectNode> rules = dnsRules.get(appInstanceId);
        if (rules == null || !rules.containsKey(dnsRuleId)) {
            return Optional.empty();
        }
        rules.put(dnsRuleId, rule);
        return Optional.of(rule.deepCopy());
    }

    /** Fails every pending shutdown (the platform is stopping), so nobody waits for ever. */
    public void abandonPendingShutdowns() {
        for (String id : List.copyOf(pending.keySet())) {
            PendingShutdown p = pending.remove(id);
            if (p != null) {
                p.done().completeExceptionally(new IllegalStateException("MEC platform stopped"));
            }
        }
    }

    /** Removes an instance at once (deregistration, forceful termination). */
    public Optional<AppInstance> remove(String appInstanceId) {
        AppInstance removed = apps.remove(appInstanceId);
        selfRegistered.remove(appInstanceId);
        dnsRules.remove(appInstanceId);
        if (removed != null) {
            pending.remove(appInstanceId);
            listeners.forEach(l -> l.removed(removed));
            LOG.debug("MEC app instance {} removed", appInstanceId);
        }
        return Optional.ofNullable(removed);
    }
}
