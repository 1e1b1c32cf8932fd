package org.oneedge.federation.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.oneedge.federation.Capabilities;
import org.oneedge.federation.FederationRole;
import org.oneedge.federation.HostingState;
import org.oneedge.federation.Location;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.NodeMetrics;
import org.oneedge.federation.NodeRecord;
import org.oneedge.federation.NodeStatus;

/**
 * Maps a {@link NodeRecord} to and from the custom attributes of an {@code org.oneedge.federation.node}
 * flexContainer (TS-0004 7.4.37; attributes declared in the CSE's {@code flex-definitions.json}) and derives the
 * {@code lbl} values discovery filters on ({@code kind:MN_CSE}, {@code trust:domainA}, {@code api:rni},
 * {@code role:SWARM_WORKER}, {@code status:UP}, {@code hosting:…}, {@code zone:…}, {@code owner:…},
 * {@code acc:…}).
 */
public final class NodeResourceCodec {

    /** The containerDefinition of a federation node. */
    public static final String CND = "org.oneedge.federation.node";
    /** The JSON root key the definition travels under. */
    public static final String ROOT_KEY = "oe:fedNode";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NodeResourceCodec() {
    }

    /** The stable resource name of a node: {@code node-} plus its id with characters outside rn syntax as '_'. */
    public static String resourceName(String nodeId) {
        String stripped = nodeId.replaceFirst("^/+", "");
        return "node-" + stripped.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** A label value with characters a label should not carry (space, '&', '+') replaced by '_'. */
    public static String label(String prefix, String value) {
        return prefix + ":" + value.replaceAll("[\\s&+]", "_");
    }

    /** Every discovery label of {@code node}, sorted. */
    public static List<String> labels(NodeRecord node) {
        List<String> lbl = new ArrayList<>();
        lbl.add(label("node", node.nodeId()));
        lbl.add(label("kind", node.kind().name()));
        lbl.add(label("status", node.status().name()));
        lbl.add(label("hosting", node.hostingState().name()));
        if (node.trustDomain() != null) {
            lbl.add(label("trust", node.trustDomain()));
        }
        if (node.owner() != null) {
            lbl.add(label("owner", node.owner()));
        }
        if (node.location().zone() != null) {
            lbl.add(label("zone", node.location().zone()));
        }
        node.capabilities().apis().forEach(a -> lbl.add(label("api", a)));
        node.capabilities().accelerators().forEach(a -> lbl.add(label("acc", a)));
        node.roles().forEach(r -> lbl.add(label("role", r.name())));
        lbl.sort(null);
        return lbl;
    }

    /** The CREATE attributes (without {@code rn}): {@code cnd}, labels and every known custom attribute. */
    public static ObjectNode createAttributes(NodeRecord node, List<String> acpi) {
        ObjectNode a = NODES.objectNode();
        a.put("rn", resourceName(node.nodeId()));
        a.put("cnd", CND);
        if (!acpi.isEmpty()) {
            ArrayNode ids = a.putArray("acpi");
            acpi.forEach(ids::add);
        }
        a.setAll(descriptiveAttributes(node));
        a.setAll(heartbeatAttributes(node));
        return a;
    }

    /** What the node says about itself (identity, capabilities, location, state, roles) plus {@code lbl}. */
    public static ObjectNode descriptiveAttributes(NodeRecord node) {
        ObjectNode a = NODES.objectNode();
        ArrayNode lbl = a.putArray("lbl");
        labels(node).forEach(lbl::add);
        a.put("csi", node.nodeId());
        a.put("kind", node.kind().name());
        a.put("hst", node.hostingState().name());
        a.put("state", node.status().name());
        putText(a, "trust", node.trustDomain());
        putText(a, "own", node.owner());
        ArrayNode poa = a.putArray("poa");
        node.pointOfAccess().forEach(poa::add);
        Location loc = node.location();
        putNumber(a, "lat", loc.latitude());
        putNumber(a, "lon", loc.longitude());
        ArrayNode zones = a.putArray("zones");
        if (loc.zone() != null) {
            zones.add(loc.zone());
        }
        Capabilities c = node.capabilities();
        ObjectNode cap = a.putObject("cap");
        cap.put("cpu", c.cpuCores()).put("mem", c.memoryMb()).put("sto", c.storageGb());
        ArrayNode acc = cap.putArray("acc");
        c.accelerators().forEach(acc::add);
        ArrayNode api = cap.putArray("api");
        c.apis().forEach(api::add);
        ArrayNode roles = a.putArray("roles");
        node.roles().forEach(r -> roles.add(r.name()));
        return a;
    }

    /** What changes with each heartbeat: {@code hbt} (epoch ms) and the metrics. */
    public static ObjectNode heartbeatAttributes(NodeRecord node) {
        ObjectNode a = NODES.objectNode();
        if (node.lastHeartbeat() != null) {
            a.put("hbt", node.lastHeartbeat().toEpochMilli());
        }
        NodeMetrics m = node.metrics();
        putNumber(a, "load", m.loadPercent());
        putNumber(a, "ltcy", m.latencyMs());
        putNumber(a, "cost", m.costPerHour());
        putNumber(a, "rsrp", m.rsrpDbm());
        return a;
    }

    /**
     * Reads a node from the attributes of its flexContainer.
     *
     * @throws IllegalArgumentException when the resource is not a readable federation node (missing or unknown
     *                                  {@code csi}, {@code kind}, {@code hst})
     */
    public static NodeRecord read(JsonNode a) {
        String id = text(a, "csi");
        NodeKind kind = parse(NodeKind.class, text(a, "kind"), "kind", id);
        HostingState hosting = parse(HostingState.class, text(a, "hst"), "hst", id);
        String state = text(a, "state");
        NodeStatus status = state == null ? NodeStatus.UP : parse(NodeStatus.class, state, "state", id);
        JsonNode cap = a.path("cap");
        Capabilities capabilities = new Capabilities(cap.path("cpu").asInt(0), cap.path("mem").asLong(0),
                cap.path("sto").asLong(0), strings(cap.path("acc")), strings(cap.path("api")));
        List<String> zones = strings(a.path("zones"));
        Location location = new Location(number(a, "lat"), number(a, "lon"), zones.isEmpty() ? null : zones.get(0));
        Set<FederationRole> roles = EnumSet.noneOf(FederationRole.class);
        for (String r : strings(a.path("roles"))) {
            roles.add(parse(FederationRole.class, r, "roles", id));
        }
        JsonNode hbt = a.get("hbt");
        return NodeRecord.builder(id, kind).capabilities(capabilities).location(location).hostingState(hosting)
                .trustDomain(text(a, "trust")).owner(text(a, "own")).status(status)
                .lastHeartbeat(hbt != null && hbt.canConvertToLong() ? Instant.ofEpochMilli(hbt.asLong()) : null)
                .roles(roles)
                .metrics(new NodeMetrics(number(a, "load"), number(a, "ltcy"), number(a, "cost"), number(a, "rsrp")))
                .pointOfAccess(strings(a.path("poa"))).build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String attribute, String id) {
        if (value == null) {
            throw new IllegalArgumentException("federation node " + id + " has no " + attribute);
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("federation node " + id + " has an unknown " + attribute + " '"
                    + value + "'", e);
        }
    }

    private static void putText(ObjectNode a, String name, String value) {
        if (value != null) {
            a.put(name, value);
        }
    }

    private static void putNumber(ObjectNode a, String name, Double value) {
        if (value != null) {
            a.put(name, value);
        }
    }

    private static String text(JsonNode a, String name) {
        JsonNode v = a.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode a, String name) {
        JsonNode v = a.get(name);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(e -> out.add(e.asText()));
        }
        return out;
    }
}
