package org.oneedge.handover.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseExtension;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The engine-side part of a handover (ARCHITECTURE.md: "handover also plugs a small extension into the CSE
 * engine"): exports an AE's context from the store and imports it at another CSE with its original {@code ri},
 * {@code rn}, {@code ct}, {@code aei}, {@code lbl} and {@code st}, which plain oneM2M CREATEs cannot do (the CSE
 * assigns those). Install it on every MN-CSE that takes part: {@code Cse.builder().extension(new
 * ContextTransferExtension())}.
 *
 * <p>Imports are one atomic {@code ResourceStore.apply}; subscriptions are re-created through the engine instead
 * (new {@code ri}, same {@code rn}) so the engine's subscription index and verification see them.
 */
public final class ContextTransferExtension implements CseExtension {

    private static final Set<ResourceType> INSTANCE_TYPES = Set.of(ResourceType.CONTENT_INSTANCE);

    private ResourceStore store;
    private CseConfig config;
    private CseClient cse;

    @Override
    public void install(Installation installation) {
        this.store = installation.store();
        this.config = installation.config();
        this.cse = installation.cse();
    }

    /**
     * The AE's context, or empty if the AE is not registered here.
     *
     * @param maxInstances newest content instances kept per container (HANDOVER.md: "up to a policy limit")
     */
    public Optional<AeContext> export(String aeId, int maxInstances, String uplinkWindow) {
        Optional<Resource> ae = store.get(aeId).filter(r -> r.type() == ResourceType.AE);
        if (ae.isEmpty()) {
            return Optional.empty();
        }
        List<Resource> tree = new ArrayList<>();
        tree.add(ae.get());
        tree.addAll(store.descendants(ae.get().path(), 0, Set.of()));
        Map<String, Integer> keptPerContainer = new HashMap<>();
        Map<String, List<Resource>> instancesByContainer = new HashMap<>();
        for (Resource r : tree) {
            if (INSTANCE_TYPES.contains(r.type())) {
                instancesByContainer.computeIfAbsent(r.pi(), k -> new ArrayList<>()).add(r);
            }
        }
        Set<String> keptInstances = new java.util.HashSet<>();
        instancesByContainer.forEach((container, instances) -> {
            int from = Math.max(0, instances.size() - maxInstances);
            instances.subList(from, instances.size()).forEach(i -> keptInstances.add(i.ri()));
            keptPerContainer.put(container, instances.size() - from);
        });
        String prefix = config.cseBaseName() + "/";
        List<ContextResource> resources = new ArrayList<>();
        List<ContextResource> subscriptions = new ArrayList<>();
        for (Resource r : tree) {
            if (INSTANCE_TYPES.contains(r.type()) && !keptInstances.contains(r.ri())) {
                continue;
            }
            ContextResource c = new ContextResource(r.ri(), r.pi(), r.type(), r.rn(),
                    r.path().substring(prefix.length()), r.createdAt(), r.modifiedAt(), r.expiresAt(),
                    r.attributes().deepCopy());
            (r.type() == ResourceType.SUBSCRIPTION ? subscriptions : resources).add(c);
        }
        AeContext sized = new AeContext(aeId, config.cseId(), config.cseBaseName(), resources, subscriptions,
                uplinkWindow, 0);
        return Optional.of(new AeContext(aeId, config.cseId(), config.cseBaseName(), resources, subscriptions,
                uplinkWindow, sizeOf(sized)));
    }

    /**
     * Writes the context into this CSE's store in one atomic step, then re-creates its subscriptions.
     *
     * @return resources created
     * @throws org.oneedge.cse.store.StoreConflictException if an {@code ri} or path is taken here
     */
    public int importContext(AeContext context) {
        String base = config.cseBaseName();
        String baseRi = config.cseIdWithoutSlash();
        Map<String, long[]> counters = new HashMap<>(); // container ri -> {cni, cbs}
        for (ContextResource c : context.resources()) {
            if (c.type() == ResourceType.CONTENT_INSTANCE) {
                long[] n = counters.computeIfAbsent(c.pi(), k -> new long[2]);
                n[0]++;
                n[1] += c.attributes().path("cs").asLong();
            }
        }
        List<Write> writes = new ArrayList<>();
        for (ContextResource c : context.resources()) {
            ObjectNode attributes = (ObjectNode) rewriteReferences(c.attributes().deepCopy(), context);
            String pi = c.type() == ResourceType.AE ? baseRi : c.pi();
            attributes.put("pi", pi);
            if (c.type() == ResourceType.CONTAINER) {
                long[] n = counters.getOrDefault(c.ri(), new long[2]);
                attributes.put("cni", n[0]);
                attributes.put("cbs", n[1]);
            }
            writes.add(new Write.Create(new Resource(c.ri(), pi, c.type(), c.rn(), base + "/" + c.relativePath(),
                    c.createdAt(), c.modifiedAt(), c.expiresAt(), attributes)));
        }
        store.apply(writes);
        int created = writes.size();
        for (ContextResource s : context.subscriptions()) {
            if (recreateSubscription(context, base, s)) {
                created++;
            }
        }
        return created;
    }

    /** Removes the AE and its whole tree from this CSE (the source after the switch, or a target on rollback). */
    public boolean release(String aeId) {
        if (store.get(aeId).filter(r -> r.type() == ResourceType.AE).isEmpty()) {
            return false;
        }
        store.apply(new Write.Delete(aeId));
        return true;
    }

    /** AE-IDs of every AE registered here, e.g. for a node checking them against the registry after a restart. */
    public List<String> hostedAeIds() {
        List<String> ids = new ArrayList<>();
        int page = 1000;
        for (int offset = 0; ; offset += page) {
            List<Resource> aes = store.children(config.cseIdWithoutSlash(), ResourceType.AE, offset, page);
            aes.forEach(ae -> ids.add(ae.ri()));
            if (aes.size() < page) {
                return ids;
            }
        }
    }

    /** True when the AE is registered here. */
    public boolean hosts(String aeId) {
        return store.get(aeId).filter(r -> r.type() == ResourceType.AE).isPresent();
    }

    /** The AE-ID of the AE registered here under the resource name {@code rn} (a child of the CSEBase), if any. */
    public Optional<String> aeIdNamed(String rn) {
        return store.getByPath(config.cseBaseName() + "/" + rn).filter(r -> r.type() == ResourceType.AE)
                .map(Resource::ri);
    }

    private boolean recreateSubscription(AeContext context, String base, ContextResource s) {
        String aeId = context.aeId();
        ObjectNode body = ContentCodec.object();
        ((ObjectNode) rewriteReferences(s.attributes().deepCopy(), context)).properties().forEach(e -> {
            if (!Set.of("ri", "pi", "ct", "lt", "ty", "st", "et").contains(e.getKey())) {
                body.set(e.getKey(), e.getValue());
            }
        });
        ObjectNode content = ContentCodec.object();
        content.set(ResourceType.SUBSCRIPTION.rootKey(), body);
        String parentPath = base + "/" + s.relativePath().substring(0, s.relativePath().lastIndexOf('/'));
        JsonNode creator = s.attributes().get("cr");
        Response r = cse.send(Request.builder().operation(Operation.CREATE).to(parentPath)
                .from(creator != null && creator.isTextual() ? creator.asText() : aeId)
                .resourceType(ResourceType.SUBSCRIPTION).content(content).releaseVersion("3")
                .requestId("ho-sub-" + s.ri()).build());
        if (r.statusCode() != ResponseStatusCode.CREATED) {
            throw new IllegalStateException("subscription " + s.rn() + " of " + aeId + " could not be re-created at "
                    + config.cseId() + ": " + r.statusCode() + " " + r.debugMessage());
        }
        return true;
    }

    /**
     * Rewrites references into the source CSE (HANDOVER.md "references that contain the source CSE-ID are
     * rewritten"): text values that are SP-relative ids under the source CSE-ID ({@code /id-mn1/...}) or structured
     * paths under its CSEBase ({@code cse-mn1/...}) now point to this CSE. Labels are free text and stay as they are.
     */
    private JsonNode rewriteReferences(JsonNode node, AeContext context) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.properties().forEach(e -> {
                if (!e.getKey().equals("lbl")) {
                    object.set(e.getKey(), rewriteReferences(e.getValue(), context));
                }
            });
            return object;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode array = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewriteReferences(array.get(i), context));
            }
            return array;
        }
        if (node.isTextual()) {
            String text = node.asText();
            if (text.startsWith(context.sourceCseId() + "/")) {
                String rest = text.substring(context.sourceCseId().length() + 1);
                if (rest.startsWith(context.sourceBase() + "/")) {
                    rest = config.cseBaseName() + rest.substring(context.sourceBase().length());
                }
                return ContentCodec.nodes().textNode(config.cseId() + "/" + rest);
            }
            if (text.startsWith(context.sourceBase() + "/")) {
                return ContentCodec.nodes().textNode(config.cseBaseName()
                        + text.substring(context.sourceBase().length()));
            }
        }
        return node;
    }

    private static long sizeOf(AeContext context) {
        try {
            long size = 0;
            for (ContextResource c : context.resources()) {
                size += ContentCodec.mapper().writeValueAsBytes(c.attributes()).length;
            }
            for (ContextResource c : context.subscriptions()) {
                size += ContentCodec.mapper().writeValueAsBytes(c.attributes()).length;
            }
            return size;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
