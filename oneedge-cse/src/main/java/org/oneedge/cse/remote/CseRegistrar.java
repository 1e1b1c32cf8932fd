package org.oneedge.cse.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers this CSE to its registrar CSE and keeps the registration alive (TS-0001 10.2.2.7, TS-0004 7.4.4,
 * digest §4.3): creates this CSE's {@code <remoteCSE>} at the registrar and the registrar's {@code <remoteCSE>} here.
 *
 * <pre>
 *  start ─► [virtual thread] ─► RETRIEVE /id-in/id-mn1 ── 2000 ──► UPDATE poa/dcse when they changed
 *                                 │ 4004                              ▲
 *                                 └► CREATE ty=16 on /id-in/cse-in ── 4117/4105 (already there) ┘
 *                              ─► RETRIEVE /id-in/cse-in ─► local &lt;remoteCSE&gt; id-in (created or updated)
 *           failures ─► retry with backoff (one log line per state change) ; every refreshInterval: again
 *  stop  ─► DELETE both &lt;remoteCSE&gt; (when deregisterOnShutdown)
 * </pre>
 *
 * With {@link RegistrarConfig#requestReachable()} false this CSE registers with {@code rr=false}, and each round also
 * makes sure of its {@code <pollingChannel>} at the registrar, which a {@link RegistrarPollingChannel} long-polls
 * (digest §8.3): requests and notifications for this CSE reach it that way, without any connection from the registrar.
 *
 * A restart therefore UPDATEs the existing registration instead of duplicating it. Requests to the registrar go
 * from this CSE's CSE-ID over the {@link RemoteSender} for the registrar URL's scheme; local changes go through the
 * local CSE as its admin originator.
 */
public final class CseRegistrar implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CseRegistrar.class);
    private static final String RELEASE = "3";

    /** How the registration stands, reported once per change. */
    public enum State { STARTING, REGISTERED, UNREACHABLE, REFUSED, STOPPED }

    private final RegistrarConfig config;
    private final CseConfig local;
    private final CseClient localCse;
    private final ResourceStore store;
    private final List<RemoteSender> senders;
    private final BlockingQueue<Boolean> wakeups = new LinkedBlockingQueue<>();
    private final AtomicLong requestIds = new AtomicLong();
    private final Object stateLock = new Object();
    private volatile State state = State.STARTING;
    private volatile boolean running;
    private volatile Thread worker;
    private volatile JsonNode lastSent;
    private final List<java.util.function.Consumer<State>> stateListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Runnable> createdListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean localCsrDone;
    private final RegistrarPollingChannel pollingChannel;

    /**
     * @param localCse   the local CSE (requests go in as its admin originator)
     * @param store      the local CSE's store, read for the registrees ({@code dcse})
     * @param senders    senders for the registrar's points of access
     */
    public CseRegistrar(RegistrarConfig config, CseConfig local, CseClient localCse, ResourceStore store,
                        List<RemoteSender> senders) {
        this.config = config;
        this.local = local;
        this.localCse = localCse;
        this.store = store;
        this.senders = List.copyOf(senders);
        this.pollingChannel = config.requestReachable() ? null : new RegistrarPollingChannel(ownCsrAddress(),
                this::fromThisCse, this::toRegistrar, localCse, config.pollDuration(), config.retryInterval(),
                this::refreshNow);
    }

    public RegistrarConfig config() {
        return config;
    }

    public State state() {
        return state;
    }

    /**
     * Calls the listener with each new state, e.g. to send what waited for the registrar (announcements) once it is
     * {@link State#REGISTERED} again after a link loss.
     */
    public void onStateChange(java.util.function.Consumer<State> listener) {
        stateListeners.add(listener);
    }

    /**
     * Calls the listener whenever this CSE's {@code <remoteCSE>} had to be created at the registrar (first
     * registration, or the registrar lost it, e.g. it restarted without its data), so what lived only there
     * (announced copies) can be made again.
     */
    public void onRegisteredAnew(Runnable listener) {
        createdListeners.add(listener);
    }

    /** Starts registering in the background; returns at once. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofVirtual().name("registrar-" + local.cseIdWithoutSlash()).start(this::run);
        LOG.info("CSE {} registers to {} ({}) at {}", local.cseId(), config.registrarCseId(),
                config.registrarCseBaseName(), config.pointsOfAccess());
    }

    /** Checks the registration now instead of at the next refresh (e.g. after a registree came or went). */
    public void refreshNow() {
        wakeups.offer(Boolean.TRUE);
    }

    /** Stops the background work and, when configured, deregisters (both {@code <remoteCSE>} go). */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (pollingChannel != null) {
            pollingChannel.close();
        }
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (config.deregisterOnShutdown() && state == State.REGISTERED) {
            Response r = toRegistrar(Operation.DELETE, ownCsrAddress(), null, null);
            localCse.send(localRequest(Operation.DELETE, config.registrarCseId().substring(1), null, null));
            LOG.info("CSE {} deregistered from {}: {}", local.cseId(), config.registrarCseId(), r.statusCode());
        }
        changeState(State.STOPPED, "stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private void run() {
        Duration backoff = config.retryInterval();
        while (running) {
            Duration pause;
            try {
                String problem = syncOnce();
                if (problem == null) {
                    backoff = config.retryInterval();
                    pause = config.refreshInterval();
                } else {
                    pause = backoff;
                    backoff = backoff.multipliedBy(2).compareTo(config.maxRetryInterval()) > 0
                            ? config.maxRetryInterval() : backoff.multipliedBy(2);
                }
            } catch (RuntimeException e) {
                changeState(State.UNREACHABLE, e.toString());
                pause = backoff;
            }
            try {
                wakeups.poll(pause.toMillis(), TimeUnit.MILLISECONDS);
                wakeups.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One registration round; null when registered and current, else what went wrong (state already set). */
    String syncOnce() {
        ObjectNode desired = ownCsr();
        boolean created = false;
        Response existing = toRegistrar(Operation.RETRIEVE, ownCsrAddress(), null, null);
        Response outcome;
        if (existing.statusCode() == ResponseStatusCode.OK) {
            outcome = desired.equals(lastSent) && state == State.REGISTERED ? existing : updateOwnCsr(desired);
        } else if (existing.statusCode() == ResponseStatusCode.NOT_FOUND) {
            ObjectNode create = desired.deepCopy();
            create.put("rn", local.cseIdWithoutSlash());
            create.put("cst", local.cseType().code());
            outcome = toRegistrar(Operation.CREATE, config.registrarCseId() + "/" + config.registrarCseBaseName(),
                    ResourceType.REMOTE_CSE, wrap(create));
            if (outcome.statusCode() == ResponseStatusCode.ORIGINATOR_HAS_ALREADY_REGISTERED
                    || outcome.statusCode() == ResponseStatusCode.CONFLICT) {
                outcome = updateOwnCsr(desired);
            }
            created = outcome.statusCode() == ResponseStatusCode.CREATED;
        } else {
            outcome = existing;
        }
        if (!outcome.statusCode().isSuccess()) {
            return fail(outcome);
        }
        lastSent = desired;
        if (!localCsrDone || state != State.REGISTERED) {
            Response localCsr = ensureLocalCsr();
            if (!localCsr.statusCode().isSuccess()) {
                return fail(localCsr);
            }
            localCsrDone = true;
        }
        if (pollingChannel != null) {
            Response channel = pollingChannel.ensure();
            if (channel != null) {
                return fail(channel);
            }
        }
        changeState(State.REGISTERED, "registered at " + config.registrarCseId() + " as <remoteCSE> "
                + ownCsrAddress());
        if (created) {
            for (Runnable listener : createdListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.warn("registration listener failed: {}", e.toString());
                }
            }
        }
        return null;
    }

    private Response updateOwnCsr(ObjectNode desired) {
        return toRegistrar(Operation.UPDATE, ownCsrAddress(), null, wrap(desired));
    }

    private String fail(Response outcome) {
        String reason = outcome.statusCode() + " " + debug(outcome);
        boolean unreachable = outcome.statusCode() == ResponseStatusCode.TARGET_NOT_REACHABLE
                || outcome.statusCode() == ResponseStatusCode.REQUEST_TIMEOUT;
        changeState(unreachable ? State.UNREACHABLE : State.REFUSED, reason);
        return reason;
    }

    /** The local {@code <remoteCSE>} of the registrar, filled from the registrar's CSEBase when readable. */
    private Response ensureLocalCsr() {
        String registrarBase = config.registrarCseId() + "/" + config.registrarCseBaseName();
        Response cb = toRegistrar(Operation.RETRIEVE, registrarBase, null, null);
        JsonNode base = cb.statusCode() == ResponseStatusCode.OK && cb.content() != null
                ? cb.content().path("m2m:cb") : ContentCodec.object();
        ObjectNode csr = ContentCodec.object();
        csr.put("cb", registrarBase);
        csr.put("rr", true);
        csr.set("srv", base.has("srv") ? base.get("srv") : ContentCodec.nodes().arrayNode().add(RELEASE));
        ArrayNode poa = csr.putArray("poa");
        if (base.has("poa") && base.get("poa").isArray() && !base.get("poa").isEmpty()) {
            base.get("poa").forEach(poa::add);
        } else {
            config.pointsOfAccess().forEach(poa::add);
        }
        csr.putArray("lbl").add(RemoteCseHandler.REGISTRAR_LABEL);
        String ri = config.registrarCseId().substring(1);
        Response current = localCse.send(localRequest(Operation.RETRIEVE, ri, null, null));
        if (current.statusCode() == ResponseStatusCode.OK) {
            return localCse.send(localRequest(Operation.UPDATE, ri, null, wrap(csr)));
        }
        csr.put("rn", ri);
        csr.put("csi", config.registrarCseId());
        if (base.has("cst")) {
            csr.set("cst", base.get("cst"));
        }
        return localCse.send(localRequest(Operation.CREATE, local.cseBaseName(), ResourceType.REMOTE_CSE, wrap(csr)));
    }

    /** This CSE's {@code <remoteCSE>} at the registrar: {@code cb}, {@code rr}, {@code srv}, {@code poa}, {@code dcse}. */
    private ObjectNode ownCsr() {
        ObjectNode csr = ContentCodec.object();
        csr.put("cb", local.cseId() + "/" + local.cseBaseName());
        csr.put("rr", config.requestReachable());
        ArrayNode srv = csr.putArray("srv");
        local.supportedReleaseVersions().forEach(srv::add);
        ArrayNode poa = csr.putArray("poa");
        Response base = localCse.send(localRequest(Operation.RETRIEVE, local.cseBaseName(), null, null));
        JsonNode basePoa = base.content() == null ? null : base.content().path("m2m:cb").get("poa");
        if (basePoa != null && basePoa.isArray()) {
            basePoa.forEach(poa::add);
        } else {
            local.pointOfAccess().forEach(poa::add);
        }
        ArrayNode dcse = csr.putArray("dcse");
        descendants().forEach(dcse::add);
        return csr;
    }

    /** The CSE-IDs registered below this CSE: every registree and the registrees' own {@code dcse}. */
    private Set<String> descendants() {
        Set<String> ids = new LinkedHashSet<>();
        for (Resource remote : new RemoteCseRoutes(store, local.cseIdWithoutSlash()).remoteCses()) {
            if (RemoteCseHandler.hasRegistrarLabel(remote.attributes().get("lbl"))) {
                continue;
            }
            ids.add(remote.attributes().path("csi").asText("/" + remote.ri()));
            remote.attributes().path("dcse").forEach(id -> ids.add(id.asText()));
        }
        return ids;
    }

    private String ownCsrAddress() {
        return config.registrarCseId() + "/" + local.cseIdWithoutSlash();
    }

    private Response toRegistrar(Operation op, String to, ResourceType type, JsonNode content) {
        return toRegistrar(fromThisCse(Request.builder().operation(op).to(to).resourceType(type).content(content)
                .build()));
    }

    /** The request as this CSE sends it to the registrar: its CSE-ID as originator, a fresh {@code rqi}. */
    private Request fromThisCse(Request request) {
        return request.toBuilder().from(local.cseId())
                .requestId("reg-" + local.cseIdWithoutSlash() + "-" + requestIds.incrementAndGet())
                .releaseVersion(RELEASE).build();
    }

    private Response toRegistrar(Request request) {
        List<String> tried = new ArrayList<>();
        Response last = null;
        for (String url : config.pointsOfAccess()) {
            for (RemoteSender sender : senders) {
                if (sender.supports(url)) {
                    last = sender.send(url, request);
                    if (last.statusCode() != ResponseStatusCode.TARGET_NOT_REACHABLE
                            && last.statusCode() != ResponseStatusCode.REQUEST_TIMEOUT) {
                        return last;
                    }
                    break;
                }
            }
            tried.add(url);
        }
        return last != null ? last : Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE,
                "no sender for the registrar's points of access " + tried);
    }

    private Request localRequest(Operation op, String to, ResourceType type, JsonNode content) {
        return Request.builder().operation(op).to(to).from(local.adminOriginator())
                .requestId("reg-local-" + requestIds.incrementAndGet()).releaseVersion(RELEASE)
                .resourceType(type).content(content).build();
    }

    private static ObjectNode wrap(ObjectNode csr) {
        ObjectNode out = ContentCodec.object();
        out.set(ResourceType.REMOTE_CSE.rootKey(), csr);
        return out;
    }

    private static String debug(Response response) {
        JsonNode c = response.content();
        return c != null && c.has("m2m:dbg") ? c.get("m2m:dbg").asText() : "";
    }

    private void changeState(State next, String detail) {
        State previous;
        synchronized (stateLock) {
            previous = state;
            if (previous == next) {
                return;
            }
            state = next;
        }
        for (java.util.function.Consumer<State> listener : stateListeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("registration state listener failed: {}", e.toString());
            }
        }
        if (next == State.UNREACHABLE || next == State.REFUSED) {
            LOG.warn("CSE {} registration at {}: {} -> {} ({}); retrying", local.cseId(), config.registrarCseId(),
                    previous, next, detail);
        } else {
            LOG.info("CSE {} registration at {}: {} -> {} ({})", local.cseId(), config.registrarCseId(), previous,
                    next, detail);
        }
    }
}
