package org.oneedge.federation.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.oneedge.client.OneM2MClient;
import org.oneedge.client.RequestFailedException;
import org.oneedge.federation.NodeMetrics;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.NodeStatus;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node side of the federation: registers this node's record at the IN-CSE registry (CREATE of an
 * {@code org.oneedge.federation.node} flexContainer, or UPDATE when it is already there, keeping the roles the
 * registry assigned) and heartbeats by UPDATE of {@code hbt} and the current metrics every interval. A heartbeat that
 * finds its record gone registers again. Runs on an injected scheduler, or on its own single thread.
 */
public final class FederationMember implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FederationMember.class);

    private final NodeRecord descriptor;
    private final OneM2MClient client;
    private final String registryPath;
    private final Duration heartbeatInterval;
    private final Clock clock;
    private final Supplier<NodeMetrics> metrics;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private ScheduledFuture<?> task;

    private FederationMember(Builder b) {
        this.descriptor = b.descriptor;
        this.client = OneM2MClient.builder(b.cse).cseBase(b.registryPath.substring(0, b.registryPath.indexOf('/')))
                .originator(b.originator == null ? b.descriptor.nodeId() : b.originator).build();
        this.registryPath = b.registryPath;
        this.heartbeatInterval = b.heartbeatInterval;
        this.clock = b.clock;
        this.metrics = b.metrics == null ? b.descriptor::metrics : b.metrics;
        this.ownScheduler = b.scheduler == null;
        this.scheduler = ownScheduler ? Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("federation-heartbeat-" + b.descriptor.nodeId()).factory())
                : b.scheduler;
    }

    /**
     * @param cse        the way to the IN-CSE hosting the registry
     * @param descriptor what this node is: id, kind, capabilities, location, hosting state, trust domain, owner
     */
    public static Builder builder(CseClient cse, NodeRecord descriptor) {
        return new Builder(cse, descriptor);
    }

    /** The path of this node's record. */
    public String recordPath() {
        return registryPath + "/" + NodeResourceCodec.resourceName(descriptor.nodeId());
    }

    /** Registers, then heartbeats every interval until {@link #close()}. */
    public synchronized void start() {
        register();
        if (task == null) {
            long ms = heartbeatInterval.toMillis();
            task = scheduler.scheduleAtFixedRate(this::heartbeatQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
        LOG.info("federation member {} started: record {}, heartbeat every {}", descriptor.nodeId(), recordPath(),
                heartbeatInterval);
    }

    /** Creates or refreshes this node's record (status UP, heartbeat now), keeping roles already assigned. */
    public void register() {
        NodeRecord record = descriptor.toBuilder().status(NodeStatus.UP).lastHeartbeat(clock.instant())
                .metrics(metrics.get()).roles(java.util.Set.of()).build();
        Response created = NodeRequests.create(client, registryPath,
                NodeResourceCodec.createAttributes(record, List.of(registryPath + "/" + FederationRegistry.MEMBER_ACP)));
        if (created.isSuccess()) {
            LOG.info("node {} registered in the federation at {}", descriptor.nodeId(), recordPath());
            return;
        }
        if (created.statusCode() != ResponseStatusCode.CONFLICT) {
            throw new RequestFailedException("register node " + descriptor.nodeId(), created);
        }
        Response current = client.send(Request.builder().operation(Operation.RETRIEVE).to(recordPath()));
        if (!current.isSuccess()) {
            throw new RequestFailedException("RETRIEVE " + recordPath(), current);
        }
        JsonNode existing = current.content().get(NodeResourceCodec.ROOT_KEY);
        NodeRecord kept = record.withRoles(NodeResourceCodec.read(existing).roles());
        ObjectNode a = NodeResourceCodec.descriptiveAttributes(kept);
        a.setAll(NodeResourceCodec.heartbeatAttributes(kept));
        NodeRequests.update(client, recordPath(), a);
        LOG.info("node {} re-registered in the federation at {}", descriptor.nodeId(), recordPath());
    }

    /** Sends one heartbeat now: {@code hbt} and the current metrics; registers again if the record is gone. */
    public void heartbeat() {
        NodeRecord beat = descriptor.toBuilder().lastHeartbeat(clock.instant()).metrics(metrics.get()).build();
        Response r = NodeRequests.tryUpdate(client, recordPath(), NodeResourceCodec.heartbeatAttributes(beat));
        if (r.statusCode() == ResponseStatusCode.NOT_FOUND) {
            LOG.warn("node {}: record {} is gone, registering again", descriptor.nodeId(), recordPath());
            register();
        } else if (!r.isSuccess()) {
            throw new RequestFailedException("heartbeat of " + descriptor.nodeId(), r);
        }
    }

    /** Removes this node's record from the registry (leaving the federation). */
    public void deregister() {
        Response r = client.send(Request.builder().operation(Operation.DELETE).to(recordPath()));
        if (!r.isSuccess() && r.statusCode() != ResponseStatusCode.NOT_FOUND) {
            throw new RequestFailedException("deregister " + descriptor.nodeId(), r);
        }
        LOG.info("node {} left the federation", descriptor.nodeId());
    }

    private void heartbeatQuietly() {
        try {
            heartbeat();
        } catch (RuntimeException e) {
            LOG.warn("node {}: heartbeat failed: {}", descriptor.nodeId(), e.getMessage());
        }
    }

    /** Stops heartbeating (the record stays; the health monitor will mark it DOWN). */
    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
    }

    /** Builds a {@link FederationMember}. */
    public static final class Builder {
        private final CseClient cse;
        private final NodeRecord descriptor;
        private String registryPath = RegistryConfig.defaults().registryPath();
        private String originator;
        private Duration heartbeatInterval = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();
        private Supplier<NodeMetrics> metrics;
        private ScheduledExecutorService scheduler;

        private Builder(CseClient cse, NodeRecord descriptor) {
            this.cse = Objects.requireNonNull(cse, "cse");
            this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        }

        /** Where the registry's records live; default {@code cse-in/federation}. */
        public Builder registryPath(String v) {
            if (v == null || v.indexOf('/') <= 0) {
                throw new IllegalArgumentException("registryPath must be <cseBase>/<ae>, was " + v);
            }
            registryPath = v;
            return this;
        }

        /** The originator of the member's requests; default the node id (its CSE-ID for a CSE). */
        public Builder originator(String v) { originator = v; return this; }

        /** How often to heartbeat; default 10 s. */
        public Builder heartbeatInterval(Duration v) {
            if (v == null || v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("heartbeatInterval must be positive");
            }
            heartbeatInterval = v;
            return this;
        }

        /** The clock stamping heartbeats; default UTC system clock. */
        public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }

        /** Where current load/latency/cost/radio figures come from; default the descriptor's metrics. */
        public Builder metrics(Supplier<NodeMetrics> v) { metrics = v; return this; }

        /** The scheduler heartbeats run on; default a single daemon thread owned by the member. */
        public Builder scheduler(ScheduledExecutorService v) { scheduler = v; return this; }

        public FederationMember build() {
            return new FederationMember(this);
        }
    }
}
