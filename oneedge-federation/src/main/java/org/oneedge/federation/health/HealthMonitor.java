package org.oneedge.federation.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.NodeStatus;
import org.oneedge.federation.registry.FederationRegistry;
import org.oneedge.federation.roles.RoleAssigner;
import org.oneedge.federation.roles.RoleChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the registry's heartbeats: a node whose {@code hbt} is older than N heartbeat intervals is marked DOWN, a
 * DOWN node that heartbeats again is marked UP; then roles are re-assigned (a DOWN holder's roles move to the next
 * eligible node) and the federation groups re-synced. One log line per event. The clock is injected, so tests drive
 * {@link #check()} with a fake clock and no sleeps; {@link #start()} runs it periodically.
 * <p>
 * Heartbeat times are stamped by the members' clocks and compared with this monitor's clock, so nodes are expected
 * to keep their clocks synchronised (NTP) to well within one heartbeat interval.
 */
public final class HealthMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    /** What one check did. */
    public record Outcome(List<StatusChange> statusChanges, List<RoleChange> roleChanges) {}

    private final FederationRegistry registry;
    private final HealthConfig config;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private ScheduledFuture<?> task;

    /**
     * @param scheduler where periodic checks run, or null for a single daemon thread owned by the monitor
     */
    public HealthMonitor(FederationRegistry registry, HealthConfig config, Clock clock,
                         ScheduledExecutorService scheduler) {
        this.registry = Objects.requireNonNull(registry);
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
        this.ownScheduler = scheduler == null;
        this.scheduler = ownScheduler ? Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("federation-health").factory()) : scheduler;
    }

    public synchronized void start() {
        if (task == null) {
            long ms = config.checkInterval().toMillis();
            task = scheduler.scheduleWithFixedDelay(this::checkQuietly, ms, ms, TimeUnit.MILLISECONDS);
            LOG.info("federation health monitor started: DOWN after {} missed heartbeats of {}, check every {}",
                    config.missedHeartbeats(), config.heartbeatInterval(), config.checkInterval());
        }
    }

    /** Judges every node's heartbeat now, writes status changes, re-assigns roles and re-syncs groups. */
    public synchronized Outcome check() {
        Instant now = clock.instant();
        List<StatusChange> changes = new ArrayList<>();
        List<NodeRecord> judged = new ArrayList<>();
        for (NodeRecord node : registry.nodes()) {
            judged.add(node);
            Instant hbt = node.lastHeartbeat();
            Duration age = hbt == null ? null : Duration.between(hbt, now);
            boolean late = age == null || age.compareTo(config.deadline()) > 0;
            if (node.status() == NodeStatus.UP && late) {
                long missed = age == null ? config.missedHeartbeats()
                        : age.toMillis() / config.heartbeatInterval().toMillis();
                StatusChange c = new StatusChange(node.nodeId(), NodeStatus.DOWN, hbt,
                        missed + " heartbeats missed (last " + hbt + ")");
                registry.markStatus(node.nodeId(), NodeStatus.DOWN);
                judged.set(judged.size() - 1, node.withStatus(NodeStatus.DOWN));
                LOG.warn("federation node {} DOWN: {}", node.nodeId(), c.reason());
                changes.add(c);
            } else if (node.status() == NodeStatus.DOWN && !late) {
                StatusChange c = new StatusChange(node.nodeId(), NodeStatus.UP, hbt, "heartbeat at " + hbt);
                registry.markStatus(node.nodeId(), NodeStatus.UP);
                judged.set(judged.size() - 1, node.withStatus(NodeStatus.UP));
                LOG.info("federation node {} UP again: {}", node.nodeId(), c.reason());
                changes.add(c);
            }
        }
        RoleAssigner.Outcome roles = registry.assignRoles(judged);
        registry.syncGroups(judged.stream().map(n -> n.withRoles(roles.rolesByNode().get(n.nodeId()))).toList());
        return new Outcome(changes, roles.changes());
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("federation health check failed: {}", e.getMessage());
        }
    }

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
}
