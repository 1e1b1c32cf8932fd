package org.oneedge.federation.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oneedge.client.OneM2MClient;
import org.oneedge.client.RemoteResource;
import org.oneedge.client.RequestFailedException;
import org.oneedge.federation.FederationRole;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.NodeStatus;
import org.oneedge.federation.ranking.Ranker;
import org.oneedge.federation.ranking.Ranking;
import org.oneedge.federation.ranking.Requirements;
import org.oneedge.federation.roles.RoleAssigner;
import org.oneedge.federation.roles.RoleChange;
import org.oneedge.model.CseClient;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The federation registry at the IN-CSE (ARCHITECTURE.md "Everything is a resource"): an {@code <AE>}
 * ({@code cse-in/federation}) holding one {@code org.oneedge.federation.node} flexContainer per node, an
 * {@code <accessControlPolicy>} that lets members create and update their records, and federation
 * {@code <group>}s (ty 9) of node records per trust domain, per kind and per role. It reads and writes only through
 * a {@link CseClient}, so it runs beside an in-process CSE or against a remote one over HTTP.
 *
 * <pre>
 *  cse-in/federation               &lt;AE&gt; Cfederation, acpi -> acp-members
 *    acp-members                   members: CREATE RETRIEVE UPDATE DISCOVER; registry: all
 *    node-id-mn1 ...               flexContainer oe:fedNode, lbl kind:MN_CSE trust:domainA api:rni role:...
 *    grp-trust-domainA ...         &lt;group&gt; mid = node records
 * </pre>
 * Discovery of nodes by any label works with plain oneM2M requests ({@code fu=1&lbl=api:rni}); {@link #find} does
 * the same through a typed {@link NodeQuery}.
 */
public final class FederationRegistry {

    /** The name of the members' access control policy under the registry AE. */
    public static final String MEMBER_ACP = "acp-members";

    private static final Logger LOG = LoggerFactory.getLogger(FederationRegistry.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int ALL_OPERATIONS = 63;
    private static final int MEMBER_OPERATIONS = 1 | 2 | 4 | 32;

    private final RegistryConfig config;
    private final OneM2MClient client;
    private final Ranker ranker;
    private final RoleAssigner roles;

    public FederationRegistry(CseClient cse, RegistryConfig config) {
        this.config = config;
        this.client = OneM2MClient.builder(cse).cseBase(config.cseBase()).originator(config.originator()).build();
        this.ranker = new Ranker(config.weights(), config.scales());
        this.roles = new RoleAssigner(ranker, config.roleRules());
    }

    public RegistryConfig config() {
        return config;
    }

    /** Creates the registry AE and the members' ACP when absent (idempotent) and points the AE's acpi at it. */
    public void start() {
        String path = config.registryPath();
        if (client.send(NodeRequests.retrieve(path)).statusCode() == ResponseStatusCode.NOT_FOUND) {
            client.registerAe(config.aeName(), config.appId(), false, List.of());
        }
        ObjectNode pv = privileges(List.of(
                rule(config.memberOriginators(), MEMBER_OPERATIONS), rule(List.of(config.originator()), ALL_OPERATIONS)));
        ObjectNode pvs = privileges(List.of(rule(List.of(config.originator()), ALL_OPERATIONS)));
        String acpPath = path + "/" + MEMBER_ACP;
        try {
            ObjectNode acp = NODES.objectNode().put("rn", MEMBER_ACP);
            acp.set("pv", pv);
            acp.set("pvs", pvs);
            client.create(path, ResourceType.ACCESS_CONTROL_POLICY, acp);
        } catch (RequestFailedException e) {
            if (e.response().statusCode() != ResponseStatusCode.CONFLICT) {
                throw e;
            }
            ObjectNode acp = NODES.objectNode();
            acp.set("pv", pv);
            client.update(acpPath, ResourceType.ACCESS_CONTROL_POLICY, acp);
        }
        String acpId = client.retrieve(acpPath).ri();
        ObjectNode ae = NODES.objectNode();
        ae.putArray("acpi").add(acpId);
        client.update(path, ResourceType.AE, ae);
        LOG.info("federation registry started at {} (originator {}, members {}, {} role rules)", path,
                config.originator(), config.memberOriginators(), config.roleRules().size());
    }

    /** The structured path of a node's record, e.g. {@code cse-in/federation/node-id-mn1}. */
    public String nodePath(String nodeId) {
        return config.registryPath() + "/" + NodeResourceCodec.resourceName(nodeId);
    }

    /** Every registered node, sorted by node id. */
    public List<NodeRecord> nodes() {
        return find(NodeQuery.ALL);
    }

    /** The nodes matching every criterion of {@code query}, found by oneM2M discovery on labels; sorted by id. */
    public List<NodeRecord> find(NodeQuery query) {
        Set<String> uris = null;
        List<String> labels = query.labels();
        if (labels.isEmpty()) {
            uris = new LinkedHashSet<>(discover(null));
        }
        for (String label : labels) {
            List<String> found = discover(label);
            if (uris == null) {
                uris = new LinkedHashSet<>(found);
            } else {
                uris.retainAll(found);
            }
        }
        Map<String, NodeRecord> byId = new TreeMap<>();
        for (String uri : uris) {
            read(uri).ifPresent(n -> byId.put(n.nodeId(), n));
        }
        return List.copyOf(byId.values());
    }

    /** The record of one node, if registered. */
    public Optional<NodeRecord> node(String nodeId) {
        return read(nodePath(nodeId));
    }

    /** Ranks every registered node against {@code requirements} (pure over the records read now). */
    public Ranking rank(Requirements requirements) {
        return ranker.rank(nodes(), requirements);
    }

    /** Sets a node's status (and its {@code status:} label); false when the node is not registered. */
    public boolean markStatus(String nodeId, NodeStatus status) {
        Optional<NodeRecord> node = node(nodeId);
        if (node.isEmpty()) {
            return false;
        }
        NodeRecord changed = node.get().withStatus(status);
        ObjectNode a = NODES.objectNode().put("state", status.name());
        a.set("lbl", labelArray(changed));
        NodeRequests.update(client, nodePath(nodeId), a);
        return true;
    }

    /**
     * Applies the role rules to the current records (see {@link RoleAssigner}), writes the roles and labels of the
     * nodes whose roles changed, and logs one line per change.
     */
    public List<RoleChange> assignRoles() {
        return assignRoles(nodes()).changes();
    }

    /**
     * As {@link #assignRoles()} over records the caller already holds (e.g. just read and re-judged by the health
     * monitor), saving a read; returns the records with their new roles as well as the changes.
     */
    public RoleAssigner.Outcome assignRoles(Collection<NodeRecord> nodes) {
        RoleAssigner.Outcome outcome = roles.assign(nodes);
        for (NodeRecord node : nodes) {
            Set<FederationRole> wanted = outcome.rolesByNode().get(node.nodeId());
            if (!wanted.equals(node.roles())) {
                NodeRecord changed = node.withRoles(wanted);
                ObjectNode a = NODES.objectNode();
                ArrayNode r = a.putArray("roles");
                changed.roles().forEach(role -> r.add(role.name()));
                a.set("lbl", labelArray(changed));
                NodeRequests.update(client, nodePath(node.nodeId()), a);
            }
        }
        outcome.changes().forEach(c -> LOG.info("{}", c));
        return outcome;
    }

    /**
     * Brings the federation groups in line with the records: {@code grp-trust-<domain>}, {@code grp-kind-<KIND>}
     * and {@code grp-role-<ROLE>} with the record paths as {@code mid}; groups no longer backed by any node are
     * emptied, not deleted (subscribers keep their subscriptions).
     *
     * @return the group paths by name as they are now
     */
    public Map<String, List<String>> syncGroups() {
        return syncGroups(nodes());
    }

    /** As {@link #syncGroups()} over records the caller already holds. */
    public Map<String, List<String>> syncGroups(Collection<NodeRecord> nodes) {
        Map<String, Set<String>> wanted = new TreeMap<>();
        config.roleRules().forEach(r -> wanted.computeIfAbsent(groupName("role", r.role().name()), k -> new TreeSet<>()));
        for (NodeRecord n : nodes) {
            String path = nodePath(n.nodeId());
            if (n.trustDomain() != null) {
                wanted.computeIfAbsent(groupName("trust", n.trustDomain()), k -> new TreeSet<>()).add(path);
            }
            wanted.computeIfAbsent(groupName("kind", n.kind().name()), k -> new TreeSet<>()).add(path);
            n.roles().forEach(r -> wanted.computeIfAbsent(groupName("role", r.name()), k -> new TreeSet<>()).add(path));
        }
        for (String uri : client.discover(config.registryPath(), ResourceType.GROUP)) {
            String name = uri.substring(uri.lastIndexOf('/') + 1);
            if (name.startsWith("grp-")) {
                wanted.putIfAbsent(name, new TreeSet<>());
            }
        }
        Map<String, List<String>> result = new TreeMap<>();
        for (Map.Entry<String, Set<String>> g : wanted.entrySet()) {
            List<String> mid = List.copyOf(g.getValue());
            writeGroup(g.getKey(), mid);
            result.put(g.getKey(), mid);
        }
        return result;
    }

    /** The path of a federation group, e.g. {@code groupPath("trust", "domainA")} -> {@code …/grp-trust-domainA}. */
    public String groupPath(String dimension, String value) {
        return config.registryPath() + "/" + groupName(dimension, value);
    }

    private void writeGroup(String name, List<String> mid) {
        String path = config.registryPath() + "/" + name;
        var existing = client.send(NodeRequests.retrieve(path));
        ArrayNode members = NODES.arrayNode();
        mid.forEach(members::add);
        if (existing.statusCode() == ResponseStatusCode.NOT_FOUND) {
            ObjectNode grp = NODES.objectNode().put("rn", name).put("mt", ResourceType.FLEX_CONTAINER.ty())
                    .put("mnm", Math.max(config.maxGroupMembers(), mid.size()));
            grp.set("mid", members);
            grp.putArray("lbl").add("federation:group");
            client.create(config.registryPath(), ResourceType.GROUP, grp);
            LOG.debug("federation group {} created with {} members", name, mid.size());
            return;
        }
        JsonNode current = existing.content() == null ? null : existing.content().path("m2m:grp").get("mid");
        Set<String> have = new TreeSet<>();
        if (current != null) {
            current.forEach(m -> have.add(m.asText()));
        }
        if (!have.equals(new TreeSet<>(mid))) {
            ObjectNode grp = NODES.objectNode();
            grp.set("mid", members);
            client.update(path, ResourceType.GROUP, grp);
            LOG.debug("federation group {} now has {} members", name, mid.size());
        }
    }

    private static String groupName(String dimension, String value) {
        return "grp-" + dimension + "-" + value.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private List<String> discover(String label) {
        FilterCriteria fc = new FilterCriteria(1, null, List.of(ResourceType.FLEX_CONTAINER.ty()),
                label == null ? List.of() : List.of(label), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, Map.of());
        return client.discover(config.registryPath(), fc);
    }

    private Optional<NodeRecord> read(String uri) {
        var response = client.send(NodeRequests.retrieve(uri));
        if (response.statusCode() == ResponseStatusCode.NOT_FOUND) {
            return Optional.empty();
        }
        if (!response.isSuccess()) {
            throw new RequestFailedException("RETRIEVE " + uri, response);
        }
        JsonNode attributes = response.content() == null ? null : response.content().get(NodeResourceCodec.ROOT_KEY);
        if (attributes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(NodeResourceCodec.read(attributes));
        } catch (IllegalArgumentException e) {
            LOG.warn("skipping unreadable federation node record {}: {}", uri, e.getMessage());
            return Optional.empty();
        }
    }

    private static ArrayNode labelArray(NodeRecord node) {
        ArrayNode lbl = NODES.arrayNode();
        NodeResourceCodec.labels(node).forEach(lbl::add);
        return lbl;
    }

    private static ObjectNode rule(List<String> originators, int operations) {
        ObjectNode r = NODES.objectNode();
        ArrayNode acor = r.putArray("acor");
        originators.forEach(acor::add);
        r.put("acop", operations);
        return r;
    }

    private static ObjectNode privileges(List<ObjectNode> rules) {
        ObjectNode p = NODES.objectNode();
        ArrayNode acr = p.putArray("acr");
        rules.forEach(acr::add);
        return p;
    }
}
