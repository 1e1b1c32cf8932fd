package org.oneedge.federation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.client.OneM2MClient;
import org.oneedge.client.RequestFailedException;
import org.oneedge.cse.Cse;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.federation.Capabilities;
import org.oneedge.federation.FakeClock;
import org.oneedge.federation.FederationRole;
import org.oneedge.federation.HostingState;
import org.oneedge.federation.Location;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.NodeMetrics;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.NodeStatus;
import org.oneedge.federation.health.HealthConfig;
import org.oneedge.federation.health.HealthMonitor;
import org.oneedge.federation.ranking.Ranking;
import org.oneedge.federation.ranking.Requirements;
import org.oneedge.federation.roles.RoleChange;
import org.oneedge.federation.roles.RoleRule;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/** The federation registry over an in-process IN-CSE: five nodes register, heartbeat, are discovered and ranked. */
class FederationRegistryTest {

    private static final Duration BEAT = Duration.ofSeconds(10);
    private static final Location PARIS = new Location(48.8566, 2.3522, "zone1");

    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Map<String, FederationMember> members = new LinkedHashMap<>();
    private Cse cse;
    private FederationRegistry registry;
    private HealthMonitor monitor;
    private OneM2MClient admin;

    @BeforeEach
    void givenAnInCseWithFiveRegisteredNodes() {
        cse = Cse.builder().store(new InMemoryResourceStore()).build();
        cse.start();
        admin = OneM2MClient.builder(cse).originator("CAdmin").build();
        List<RoleRule> rules = List.of(
                RoleRule.of(FederationRole.HANDOVER_ANCHOR, 1).withKinds(NodeKind.MN_CSE).withApis("rni"),
                RoleRule.of(FederationRole.FL_PARTICIPANT, 2).withAccelerators("gpu").withMinimum(4, 4096, 0),
                RoleRule.of(FederationRole.SWARM_WORKER, 3).withKinds(NodeKind.MN_CSE, NodeKind.MEC_HOST));
        registry = new FederationRegistry(cse, RegistryConfig.defaults().withRoleRules(rules));
        registry.start();
        monitor = new HealthMonitor(registry, new HealthConfig(BEAT, 3, BEAT), clock, (ScheduledExecutorService) null);

        join(NodeRecord.builder("/id-in", NodeKind.IN_CSE).trustDomain("domainA").owner("opA")
                .capabilities(new Capabilities(16, 65536, 1000, List.of("gpu"), List.of("onem2m")))
                .metrics(new NodeMetrics(20.0, 40.0, 5.0, null)).build());
        join(mn("/id-mn1", "domainA", List.of("rni", "location"), List.of("gpu"), new NodeMetrics(30.0, 5.0, 2.0, -75.0)));
        join(mn("/id-mn2", "domainA", List.of("rni"), List.of(), new NodeMetrics(10.0, 8.0, 1.0, -90.0)));
        join(mn("/id-mn3", "domainB", List.of("rni"), List.of("gpu"), new NodeMetrics(5.0, 3.0, 1.0, -60.0)));
        join(NodeRecord.builder("mec-host-1", NodeKind.MEC_HOST).trustDomain("domainA").owner("opA")
                .hostingState(HostingState.INSTANTIATED).location(PARIS)
                .capabilities(new Capabilities(8, 16384, 200, List.of(), List.of("rni", "location", "ams")))
                .metrics(new NodeMetrics(50.0, 2.0, 3.0, -70.0)).build());
    }

    private static NodeRecord mn(String id, String trust, List<String> apis, List<String> acc, NodeMetrics m) {
        return NodeRecord.builder(id, NodeKind.MN_CSE).trustDomain(trust).owner("op-" + trust)
                .hostingState(HostingState.INSTANTIATED).location(PARIS)
                .capabilities(new Capabilities(4, 8192, 100, acc, apis)).metrics(m)
                .pointOfAccess(List.of("http://127.0.0.1:0/" + id)).build();
    }

    private void join(NodeRecord descriptor) {
        FederationMember m = FederationMember.builder(cse, descriptor).heartbeatInterval(BEAT).clock(clock).build();
        m.register();
        members.put(descriptor.nodeId(), m);
    }

    @AfterEach
    void tearDown() {
        members.values().forEach(FederationMember::close);
        monitor.close();
        cse.close();
    }

    /** Moves the clock one interval; every node except {@code silent} heartbeats; the monitor checks. */
    private HealthMonitor.Outcome beat(String... silent) {
        clock.advance(BEAT);
        members.forEach((id, m) -> {
            if (!List.of(silent).contains(id)) {
                m.heartbeat();
            }
        });
        return monitor.check();
    }

    private List<String> discoverByLabel(String label) {
        return admin.discover("cse-in", new FilterCriteria(1, null, List.of(28), List.of(label), null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, Map.of()));
    }

    private static List<String> ids(List<NodeRecord> nodes) {
        return nodes.stream().map(NodeRecord::nodeId).toList();
    }

    private JsonNode record(String nodeId) {
        return admin.retrieve(registry.nodePath(nodeId)).attributes();
    }

    @Test
    void nodes_are_found_by_kind_trust_and_api_with_plain_onem2m_discovery() {
        assertThat(discoverByLabel("kind:MN_CSE")).hasSize(3)
                .allSatisfy(uri -> assertThat(uri).contains("federation/node-id-mn"));
        assertThat(discoverByLabel("trust:domainB")).singleElement().asString().endsWith("node-id-mn3");
        assertThat(discoverByLabel("api:ams")).singleElement().asString().endsWith("node-mec-host-1");
        assertThat(discoverByLabel("api:rni")).hasSize(4);

        assertThat(ids(registry.find(NodeQuery.ALL.kind(NodeKind.MN_CSE).trustDomain("domainA").api("rni"))))
                .containsExactly("/id-mn1", "/id-mn2");
        assertThat(ids(registry.nodes())).containsExactly("/id-in", "/id-mn1", "/id-mn2", "/id-mn3", "mec-host-1");
        assertThat(record("/id-mn1").get("cnd").asText()).isEqualTo("org.oneedge.federation.node");
        assertThat(record("/id-mn1").get("hst").asText()).isEqualTo("INSTANTIATED");
    }

    @Test
    void registered_records_read_back_as_they_were_described() {
        NodeRecord mn1 = registry.node("/id-mn1").orElseThrow();

        assertThat(mn1.kind()).isEqualTo(NodeKind.MN_CSE);
        assertThat(mn1.capabilities()).isEqualTo(new Capabilities(4, 8192, 100, List.of("gpu"),
                List.of("location", "rni")));
        assertThat(mn1.location()).isEqualTo(PARIS);
        assertThat(mn1.metrics()).isEqualTo(new NodeMetrics(30.0, 5.0, 2.0, -75.0));
        assertThat(mn1.status()).isEqualTo(NodeStatus.UP);
        assertThat(mn1.lastHeartbeat()).isEqualTo(clock.instant());
        assertThat(mn1.owner()).isEqualTo("op-domainA");
    }

    @Test
    void a_check_assigns_roles_by_capability_rules_and_builds_federation_groups() {
        HealthMonitor.Outcome first = monitor.check();

        assertThat(first.statusChanges()).isEmpty();
        assertThat(ids(registry.find(NodeQuery.ALL.role(FederationRole.HANDOVER_ANCHOR)))).containsExactly("/id-mn3");
        assertThat(ids(registry.find(NodeQuery.ALL.role(FederationRole.FL_PARTICIPANT))))
                .as("two of the three gpu nodes, best ranked first").containsExactly("/id-mn1", "/id-mn3");
        assertThat(ids(registry.find(NodeQuery.ALL.role(FederationRole.SWARM_WORKER)))).hasSize(3);
        assertThat(discoverByLabel("role:HANDOVER_ANCHOR")).singleElement().asString().endsWith("node-id-mn3");

        JsonNode trustA = admin.retrieve(registry.groupPath("trust", "domainA")).attributes();
        assertThat(trustA.get("ty").asInt()).isEqualTo(ResourceType.GROUP.ty());
        assertThat(texts(trustA.get("mid"))).containsExactlyInAnyOrder(registry.nodePath("/id-in"),
                registry.nodePath("/id-mn1"), registry.nodePath("/id-mn2"), registry.nodePath("mec-host-1"));
        assertThat(texts(admin.retrieve(registry.groupPath("trust", "domainB")).attributes().get("mid")))
                .containsExactly(registry.nodePath("/id-mn3"));
        assertThat(texts(admin.retrieve(registry.groupPath("role", "HANDOVER_ANCHOR")).attributes().get("mid")))
                .containsExactly(registry.nodePath("/id-mn3"));
        assertThat(monitor.check().roleChanges()).as("a second check changes nothing").isEmpty();
    }

    @Test
    void heartbeats_keep_every_node_up() {
        monitor.check();
        for (int i = 0; i < 6; i++) {
            assertThat(beat().statusChanges()).isEmpty();
        }

        assertThat(registry.find(NodeQuery.ALL.status(NodeStatus.UP))).hasSize(5);
        assertThat(registry.node("/id-mn2").orElseThrow().lastHeartbeat()).isEqualTo(clock.instant());
    }

    @Test
    void a_node_that_misses_its_heartbeats_goes_down_and_its_roles_move_to_the_next_eligible_node() {
        monitor.check();
        assertThat(registry.node("/id-mn3").orElseThrow().roles()).contains(FederationRole.HANDOVER_ANCHOR);

        List<RoleChange> moves = new ArrayList<>();
        HealthMonitor.Outcome outcome = null;
        for (int i = 0; i < 3; i++) {
            outcome = beat("/id-mn3");
            assertThat(outcome.statusChanges()).as("not yet after %d missed", i + 1).isEmpty();
        }
        outcome = beat("/id-mn3");
        moves.addAll(outcome.roleChanges());

        assertThat(outcome.statusChanges()).singleElement().satisfies(c -> {
            assertThat(c.nodeId()).isEqualTo("/id-mn3");
            assertThat(c.status()).isEqualTo(NodeStatus.DOWN);
        });
        NodeRecord down = registry.node("/id-mn3").orElseThrow();
        assertThat(down.status()).isEqualTo(NodeStatus.DOWN);
        assertThat(down.roles()).isEmpty();
        assertThat(discoverByLabel("status:DOWN")).singleElement().asString().endsWith("node-id-mn3");
        assertThat(moves).contains(new RoleChange(FederationRole.HANDOVER_ANCHOR, "/id-mn3", "/id-mn2",
                "DOWN, next eligible node"));
        assertThat(ids(registry.find(NodeQuery.ALL.role(FederationRole.HANDOVER_ANCHOR)))).containsExactly("/id-mn2");
        assertThat(texts(admin.retrieve(registry.groupPath("role", "HANDOVER_ANCHOR")).attributes().get("mid")))
                .containsExactly(registry.nodePath("/id-mn2"));
        assertThat(registry.rank(Requirements.top(5).build()).excluded())
                .singleElement().satisfies(e -> assertThat(e.reasons()).containsExactly("DOWN"));

        members.get("/id-mn3").heartbeat();
        HealthMonitor.Outcome back = monitor.check();
        assertThat(back.statusChanges()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(NodeStatus.UP));
        assertThat(ids(registry.find(NodeQuery.ALL.role(FederationRole.HANDOVER_ANCHOR))))
                .as("roles do not bounce back").containsExactly("/id-mn2");
    }

    @Test
    void repeated_ranking_queries_give_the_same_answer_with_reasons() {
        monitor.check();
        Requirements r = Requirements.top(2).kinds(NodeKind.MN_CSE, NodeKind.MEC_HOST).requiredApis("rni")
                .allowedTrustDomains("domainA").homeTrustDomain("domainA").within(PARIS, 5).build();

        Ranking first = registry.rank(r);

        assertThat(registry.rank(r)).isEqualTo(first);
        assertThat(first.selectedIds()).hasSize(2).doesNotContain("/id-mn3", "/id-in");
        assertThat(first.excluded()).extracting(e -> e.nodeId() + ": " + String.join("; ", e.reasons()))
                .containsExactly("/id-in: kind IN_CSE not allowed; missing api rni; location unknown, max distance 5 km",
                        "/id-mn3: trust domain domainB not allowed");
        assertThat(first.selected()).allSatisfy(c -> assertThat(c.reason()).contains("score"));
    }

    @Test
    void a_member_that_registers_again_keeps_the_roles_it_was_given() {
        monitor.check();

        members.get("/id-mn3").register();

        assertThat(registry.node("/id-mn3").orElseThrow().roles()).contains(FederationRole.HANDOVER_ANCHOR);
        assertThat(discoverByLabel("role:HANDOVER_ANCHOR")).singleElement().asString().endsWith("node-id-mn3");
    }

    @Test
    void a_member_whose_record_was_removed_registers_again_on_its_next_heartbeat() {
        admin.send(Request.builder().operation(Operation.DELETE).to(registry.nodePath("/id-mn2")));
        assertThat(registry.node("/id-mn2")).isEmpty();

        members.get("/id-mn2").heartbeat();

        assertThat(registry.node("/id-mn2")).hasValueSatisfying(n -> assertThat(n.status()).isEqualTo(NodeStatus.UP));
    }

    @Test
    void only_the_configured_member_originators_may_write_node_records() {
        FederationRegistry strict = new FederationRegistry(cse,
                RegistryConfig.defaults().withMemberOriginators(List.of("/id-mn1", "/id-mn2", "/id-mn3")));
        strict.start();
        FederationMember stranger = FederationMember.builder(cse, mn("/id-mn9", "domainC", List.of(), List.of(),
                NodeMetrics.NONE)).clock(clock).build();

        assertThatThrownBy(stranger::register).isInstanceOfSatisfying(RequestFailedException.class,
                e -> assertThat(e.response().statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE));
        assertThat(strict.node("/id-mn9")).isEmpty();
        members.get("/id-mn2").heartbeat();
        assertThat(strict.node("/id-mn2").orElseThrow().lastHeartbeat()).isEqualTo(clock.instant());
    }

    @Test
    void a_started_member_heartbeats_on_its_own() {
        FederationMember live = FederationMember.builder(cse, mn("/id-mn7", "domainA", List.of(), List.of(),
                NodeMetrics.NONE)).heartbeatInterval(Duration.ofMillis(20)).build();
        try (live) {
            live.start();
            Instant registered = registry.node("/id-mn7").orElseThrow().lastHeartbeat();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(registry.node("/id-mn7").orElseThrow().lastHeartbeat()).isAfter(registered));
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
