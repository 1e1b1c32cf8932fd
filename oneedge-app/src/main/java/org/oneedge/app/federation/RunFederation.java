package org.oneedge.app.federation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.topology.StartedCse;
import org.oneedge.app.topology.StartedMec;
import org.oneedge.federation.Capabilities;
import org.oneedge.federation.FederationRole;
import org.oneedge.federation.HostingState;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.health.HealthConfig;
import org.oneedge.federation.health.HealthMonitor;
import org.oneedge.federation.registry.FederationMember;
import org.oneedge.federation.registry.FederationRegistry;
import org.oneedge.federation.registry.RegistryConfig;
import org.oneedge.federation.roles.RoleRule;
import org.oneedge.handover.onem2m.CseRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The federation of a running topology (issue 6): the registry and its health monitor at the IN-CSE, every CSE node
 * and the MEC platform with its hosts as members (records {@code cse-in/federation/node-*} with capabilities,
 * hosting state, points of access), the role rules ({@link #ROLE_RULES}) and the ranking requests
 * ({@link RankRequestWatcher}). A member heartbeats only while its node answers on its point of access (a TCP
 * connect), so a stopped node (a killed {@code --processes} child, a closed node) misses its heartbeats, is marked
 * DOWN by the health monitor and its roles move to the next eligible member.
 */
public final class RunFederation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunFederation.class);

    /** The role rules of the run: one handover anchor among MN-CSEs, two swarm workers, two FL participants. */
    public static final List<RoleRule> ROLE_RULES = List.of(
            RoleRule.of(FederationRole.HANDOVER_ANCHOR, 1).withKinds(NodeKind.MN_CSE),
            RoleRule.of(FederationRole.SWARM_WORKER, 2).withKinds(NodeKind.MN_CSE, NodeKind.MEC_HOST),
            RoleRule.of(FederationRole.FL_PARTICIPANT, 2).withKinds(NodeKind.MN_CSE, NodeKind.IN_CSE));
    /** The trust domain every node of the run belongs to. */
    public static final String TRUST_DOMAIN = "oneedge";
    /** How often members heartbeat by default. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);

    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

    /** A member: how it registers and heartbeats, and where its node answers. */
    private record Member(FederationMember member, String nodeId, URI probe) {}

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("federation").factory());
    private final List<Member> members = new ArrayList<>();
    private final Map<String, Boolean> answering = new LinkedHashMap<>();
    private FederationRegistry registry;
    private HealthMonitor monitor;
    private RankRequestWatcher watcher;

    private RunFederation() {
    }

    /**
     * Starts the registry at {@code in}, registers {@code cses} and {@code mec} (with its hosts; null = none), assigns
     * roles once, then heartbeats, health checks and answers ranking requests until closed.
     */
    public static RunFederation start(StartedCse in, List<StartedCse> cses, StartedMec mec, Duration heartbeat) {
        RunFederation run = new RunFederation();
        try {
            run.startAll(in, cses, mec, heartbeat);
            return run;
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    private void startAll(StartedCse in, List<StartedCse> cses, StartedMec mec, Duration heartbeat) {
        RegistryConfig config = RegistryConfig.defaults().withRoleRules(ROLE_RULES);
        config = new RegistryConfig(in.config().cseBaseName(), config.aeName(), config.appId(), config.originator(),
                config.memberOriginators(), config.maxGroupMembers(), config.roleRules(), config.weights(),
                config.scales());
        registry = new FederationRegistry(in.client(), config);
        registry.start();
        for (StartedCse cse : cses) {
            NodeConfig c = cse.config();
            NodeKind kind = c.cseType() == NodeConfig.CseKind.IN ? NodeKind.IN_CSE : NodeKind.MN_CSE;
            List<String> apis = c.mqttEnabled() ? List.of("onem2m", "mqtt") : List.of("onem2m");
            add(in, config, NodeRecord.builder(c.cseId(), kind).trustDomain(TRUST_DOMAIN).owner("operator")
                    .capabilities(new Capabilities(Runtime.getRuntime().availableProcessors(), 1024, 10, List.of(),
                            apis))
                    .pointOfAccess(cse.pointsOfAccess()).build(), c.cseId(), cse.httpUrl(), heartbeat);
        }
        if (mec != null) {
            add(in, config, NodeRecord.builder("mec-platform", NodeKind.MEC_PLATFORM).trustDomain(TRUST_DOMAIN)
                    .owner("operator").hostingState(HostingState.INSTANTIATED)
                    .capabilities(new Capabilities(0, 0, 0, List.of(),
                            List.of("mec011", "mec012", "mec013", "mec021", "mec033")))
                    .pointOfAccess(List.of(mec.baseUrl())).build(), "Cfed-mec-platform", mec.baseUrl(), heartbeat);
            for (String host : mec.hostNames()) {
                add(in, config, NodeRecord.builder(host, NodeKind.MEC_HOST).trustDomain(TRUST_DOMAIN)
                        .owner("operator").hostingState(HostingState.INSTANTIATED)
                        .capabilities(new Capabilities(Runtime.getRuntime().availableProcessors(), 2048, 20,
                                List.of(), List.of("rni", "location", "ams")))
                        .pointOfAccess(List.of(mec.hostView(host))).build(), "Cfed-" + host, mec.baseUrl(),
                        heartbeat);
            }
        }
        monitor = new HealthMonitor(registry, new HealthConfig(heartbeat, 3, heartbeat), Clock.systemUTC(),
                scheduler);
        monitor.check();
        long ms = heartbeat.toMillis();
        scheduler.scheduleAtFixedRate(this::heartbeats, ms, ms, TimeUnit.MILLISECONDS);
        monitor.start();
        watcher = new RankRequestWatcher(new CseRequests(in.client(), config.originator()), registry,
                Duration.ofMillis(200)).start();
        LOG.info("federation running at {}: {} members, heartbeat every {}", config.registryPath(), members.size(),
                heartbeat);
    }

    private void add(StartedCse in, RegistryConfig config, NodeRecord descriptor, String originator, String url,
                     Duration heartbeat) {
        FederationMember member = FederationMember.builder(in.client(), descriptor)
                .registryPath(config.registryPath()).originator(originator).heartbeatInterval(heartbeat)
                .scheduler(scheduler).build();
        member.register();
        members.add(new Member(member, descriptor.nodeId(), URI.create(url)));
        answering.put(descriptor.nodeId(), true);
    }

    /** One heartbeat of every member whose node answers; one log line when a node stops or starts answering. */
    private void heartbeats() {
        for (Member m : members) {
            boolean up = answers(m.probe());
            if (answering.put(m.nodeId(), up) != up) {
                LOG.warn("federation member {} {} at {}", m.nodeId(), up ? "answers again" : "does not answer,"
                        + " heartbeats stop", m.probe());
            }
            if (up) {
                try {
                    m.member().heartbeat();
                } catch (RuntimeException e) {
                    LOG.warn("federation member {}: heartbeat failed: {}", m.nodeId(), e.getMessage());
                }
            }
        }
    }

    private static boolean answers(URI url) {
        int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(url.getHost(), port), (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The registry (read members, roles, ranking). */
    public FederationRegistry registry() {
        return registry;
    }

    /** Where node records and ranking requests live, e.g. {@code cse-in/federation}. */
    public String registryPath() {
        return registry.config().registryPath();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        if (monitor != null) {
            monitor.close();
        }
        scheduler.shutdownNow();
        members.forEach(m -> m.member().close());
    }
}
