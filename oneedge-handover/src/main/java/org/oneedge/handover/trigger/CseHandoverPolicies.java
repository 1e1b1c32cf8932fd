package org.oneedge.handover.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handover policies as oneM2M resources (ARCHITECTURE.md "Everything is a resource"; HANDOVER.md trigger 5
 * "CMDH-style policy resources"): one flexContainer {@code org.oneedge.handover.policy} ({@code oe:hoPol}) per policy
 * under the coordinator's AE, named {@code pol-<name>} and labelled {@value #LABEL}, so operators create, change and
 * watch policies with plain oneM2M requests and {@link PolicyTrigger} reads the current set.
 *
 * <pre>
 *   cse-in/oeHandover/pol-office-freeze   oe:hoPol {name, action: FORBID, winFrom: 08:00, winTo: 18:00, winTz: UTC}
 *   cse-in/oeHandover/pol-latency-move    oe:hoPol {name, action: MOVE, ltcyAbove: 100.0, tgts: [/id-mn2]}
 * </pre>
 * A resource that does not describe a valid policy (unknown action, bad time) is skipped and logged, never guessed at.
 */
public final class CseHandoverPolicies {

    static final String ROOT_KEY = "oe:hoPol";
    static final String CND = "org.oneedge.handover.policy";
    /** Label every policy resource carries, for discovery. */
    public static final String LABEL = "oe:hoPol";

    private static final Logger LOG = LoggerFactory.getLogger(CseHandoverPolicies.class);

    private final CseRequests cse;
    private final String parentPath;

    /** @param parentPath structured path of the coordinator's AE, e.g. {@code cse-in/oeHandover}; it must exist */
    public CseHandoverPolicies(CseRequests cse, String parentPath) {
        this.cse = cse;
        this.parentPath = parentPath;
    }

    /** Creates the policy's resource, or replaces its attributes when it exists (unset ones are deleted). */
    public void put(HandoverPolicy policy) {
        ObjectNode a = attributes(policy);
        a.putArray("lbl").add(LABEL);
        Response r = cse.update(parentPath + "/" + resourceName(policy.name()), wrap(a));
        if (r.statusCode() == ResponseStatusCode.NOT_FOUND) {
            a.properties().removeIf(e -> e.getValue().isNull());
            a.put("rn", resourceName(policy.name()));
            a.put("cnd", CND);
            r = cse.create(parentPath, ResourceType.FLEX_CONTAINER, wrap(a));
        }
        if (!r.isSuccess()) {
            throw new OneM2MException(r.statusCode(), "handover policy " + policy.name() + ": " + r.debugMessage());
        }
    }

    /** Deletes the policy's resource; false when there was none. */
    public boolean remove(String name) {
        return cse.delete(parentPath + "/" + resourceName(name)).statusCode() == ResponseStatusCode.DELETED;
    }

    /** Every valid policy stored, in name order. */
    public List<HandoverPolicy> all() {
        List<String> paths = cse.discover(parentPath, ResourceType.FLEX_CONTAINER, LABEL, 1);
        List<HandoverPolicy> out = new ArrayList<>();
        for (String path : paths) {
            Response p = cse.retrieve(path);
            JsonNode n = p.isSuccess() ? p.content().path(ROOT_KEY) : null;
            if (n == null || n.isMissingNode()) {
                continue;
            }
            try {
                out.add(read(n));
            } catch (RuntimeException e) {
                LOG.warn("skipping handover policy resource {}: {}", path, e.getMessage());
            }
        }
        out.sort(Comparator.comparing(HandoverPolicy::name));
        return out;
    }

    /** The policy a {@code oe:hoPol} representation describes. */
    static HandoverPolicy read(JsonNode n) {
        String name = n.path("name").asText(null);
        PolicyAction action;
        try {
            action = PolicyAction.valueOf(n.path("action").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy " + name + ": action must be one of MOVE, ALLOW, DEFER, FORBID,"
                    + " was '" + n.path("action").asText("") + "'");
        }
        TimeWindow window = null;
        if (n.hasNonNull("winFrom") || n.hasNonNull("winTo")) {
            window = new TimeWindow(LocalTime.parse(n.path("winFrom").asText()), LocalTime.parse(n.path("winTo")
                    .asText()), ZoneId.of(n.path("winTz").asText("UTC")));
        }
        return new HandoverPolicy(name, action, texts(n.path("aeids")), window, texts(n.path("tgts")),
                texts(n.path("nets")), number(n, "rsrpBelow"), number(n, "ltcyAbove"), number(n, "battBelow"));
    }

    private static ObjectNode attributes(HandoverPolicy p) {
        ObjectNode a = ContentCodec.object();
        a.put("name", p.name());
        a.put("action", p.action().name());
        list(a, "aeids", p.aeIds());
        TimeWindow w = p.window();
        a.put("winFrom", w == null ? null : w.from().toString());
        a.put("winTo", w == null ? null : w.to().toString());
        a.put("winTz", w == null ? null : w.zone().getId());
        list(a, "tgts", p.allowedTargets());
        list(a, "nets", p.networks());
        a.put("rsrpBelow", p.rsrpBelowDbm());
        a.put("ltcyAbove", p.latencyAboveMs());
        a.put("battBelow", p.batteryBelowPercent());
        return a;
    }

    private static void list(ObjectNode a, String key, Collection<String> values) {
        ArrayNode array = a.putArray(key);
        new TreeSet<>(values).forEach(array::add);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Double number(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asDouble() : null;
    }

    private static ObjectNode wrap(ObjectNode attributes) {
        ObjectNode root = ContentCodec.object();
        root.set(ROOT_KEY, attributes);
        return root;
    }

    static String resourceName(String name) {
        return "pol-" + name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
