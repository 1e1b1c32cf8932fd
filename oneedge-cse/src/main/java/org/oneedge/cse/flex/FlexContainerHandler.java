package org.oneedge.cse.flex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.oneedge.cse.container.ContainerCapacity;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.CreateContext;
import org.oneedge.cse.resource.HandlerContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.UpdateContext;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.TimestampCodec;

/**
 * The {@code <flexContainer>} (ty 28, TS-0004 7.4.37, digest §7.2): the content's root key picks a
 * {@link FlexContainerDefinition} (unknown → 4125), whose table checks the custom attributes (unknown, wrong type or
 * missing mandatory → 4000); {@code cnd} must name that definition and is fixed afterwards; {@code cs} is the byte
 * size of the custom attributes and {@code st} counts changes. With {@code mni}, {@code mbs}, {@code mia} or
 * {@code fcied=true} (Rel-4) every CREATE and UPDATE also stores a {@code <flexContainerInstance>} snapshot of the
 * custom attributes in the same batch, oldest removed first like a container's instances; {@code la}/{@code ol}
 * address the newest and oldest snapshot.
 */
public final class FlexContainerHandler implements ResourceHandler {

    private static final Set<ResourceType> CHILDREN = Set.of(ResourceType.SUBSCRIPTION, ResourceType.CONTAINER,
            ResourceType.FLEX_CONTAINER, ResourceType.TIME_SERIES, ResourceType.SEMANTIC_DESCRIPTOR);

    private static final AttributeSchema OWN_ATTRIBUTES =
            new FlexContainerDefinition("flexContainer", "m2m:fcnt", List.of()).schema();

    private final FlexContainerDefinitions definitions;

    public FlexContainerHandler(FlexContainerDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public ResourceType type() {
        return ResourceType.FLEX_CONTAINER;
    }

    /** The table of the flexContainer's own attributes, without custom ones (for messages and discovery). */
    @Override
    public AttributeSchema schema() {
        return OWN_ATTRIBUTES;
    }

    @Override
    public AttributeSchema schema(String rootKey) {
        AttributeSchema schema = definitions.schema(rootKey);
        if (schema != null) {
            return schema;
        }
        if (rootKey.equals(ResourceType.FLEX_CONTAINER.rootKey())) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "a flexContainer travels under its "
                    + "specialization's root key (e.g. 'oe:ueInfo' for cnd org.oneedge.mec.ueInfo), not 'm2m:fcnt'");
        }
        throw new OneM2MException(ResponseStatusCode.SPECIALIZATION_SCHEMA_NOT_FOUND,
                "no flexContainer specialization has the root key '" + rootKey + "' on this CSE");
    }

    @Override
    public String rootKey(Resource resource) {
        return definitions.byCnd(resource.attributes().path("cnd").asText())
                .map(FlexContainerDefinition::rootKey).orElse(rootKey());
    }

    @Override
    public Set<ResourceType> childTypes() {
        return CHILDREN;
    }

    @Override
    public ResourceType instanceType() {
        return ResourceType.FLEX_CONTAINER_INSTANCE;
    }

    /**
     * A new flexContainer changes nothing of its parent, so many created below one parent (e.g. a coordinator's
     * handover transactions) need not queue on the parent's lock; the store refuses a sibling with the same name.
     */
    @Override
    public boolean createLocksParent() {
        return false;
    }

    @Override
    public void create(CreateContext context) {
        String rootKey = context.request().content().fieldNames().next();
        FlexContainerDefinition definition = definitions.byRootKey(rootKey).orElseThrow();
        String cnd = context.attributes().path("cnd").asText();
        if (!cnd.equals(definition.cnd())) {
            if (definitions.byCnd(cnd).isEmpty()) {
                throw new OneM2MException(ResponseStatusCode.SPECIALIZATION_SCHEMA_NOT_FOUND,
                        "cnd '" + cnd + "' names no flexContainer specialization known to this CSE");
            }
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "cnd '" + cnd + "' does not match the root key '"
                    + rootKey + "', which is the specialization " + definition.cnd());
        }
        ObjectNode a = context.attributes();
        a.put("st", 0);
        a.put("cs", customSize(a, definition));
        if (historyEnabled(a)) {
            a.put("cni", 0);
            a.put("cbs", 0);
            String rn = a.path("rn").asText();
            Resource self = new Resource(context.ri(), context.parent().ri(), ResourceType.FLEX_CONTAINER, rn,
                    context.parent().path() + "/" + rn, context.now(), context.now(), context.expiresAt(), a);
            snapshot(context, self, a, definition);
        }
    }

    @Override
    public void update(UpdateContext context) {
        Resource current = context.current();
        FlexContainerDefinition definition = definitions.byCnd(current.attributes().path("cnd").asText())
                .orElseThrow(() -> new OneM2MException(ResponseStatusCode.SPECIALIZATION_SCHEMA_NOT_FOUND,
                        "the specialization " + current.attributes().path("cnd").asText() + " of '" + current.path()
                                + "' is no longer known to this CSE"));
        ObjectNode a = context.attributes();
        a.put("st", a.path("st").asLong() + 1);
        a.put("cs", customSize(a, definition));
        if (historyEnabled(a)) {
            if (!a.has("cni")) {
                a.put("cni", 0);
                a.put("cbs", 0);
            }
            Resource self = new Resource(current.ri(), current.pi(), current.type(), current.rn(), current.path(),
                    current.createdAt(), context.now(), context.expiresAt(), a);
            snapshot(context, self, a, definition);
        }
    }

    /** Rel-4 flexContainerInstance history: on when a limit is set or {@code fcied} is true, off with fcied=false. */
    private static boolean historyEnabled(ObjectNode a) {
        JsonNode fcied = a.get("fcied");
        if (fcied != null && fcied.isBoolean()) {
            return fcied.asBoolean();
        }
        return a.hasNonNull("mni") || a.hasNonNull("mbs") || a.hasNonNull("mia");
    }

    /** Adds a {@code <flexContainerInstance>} of the custom attributes to the batch, making room oldest first. */
    private static void snapshot(HandlerContext context, Resource self, ObjectNode a,
                                 FlexContainerDefinition definition) {
        long size = a.path("cs").asLong();
        JsonNode mbs = a.get("mbs");
        if (mbs != null && !mbs.isNull() && size > mbs.asLong()) {
            throw new OneM2MException(ResponseStatusCode.NOT_ACCEPTABLE, "the custom attributes take " + size
                    + " bytes, more than the maxByteSize (mbs) " + mbs.asLong() + " of the flexContainer history");
        }
        ContainerCapacity.makeRoom(context, a, self.ri(), ResourceType.FLEX_CONTAINER_INSTANCE, 1, size);
        Instant now = context.now();
        String ri = freshRi(context);
        String rn = "fci_" + ri.substring(3);
        ObjectNode fci = ContentCodec.object();
        String ct = TimestampCodec.format(now);
        fci.put("ty", ResourceType.FLEX_CONTAINER_INSTANCE.ty());
        fci.put("ri", ri);
        fci.put("rn", rn);
        fci.put("pi", self.ri());
        fci.put("ct", ct);
        fci.put("lt", ct);
        Instant et = self.expiresAt();
        JsonNode mia = a.get("mia");
        if (mia != null && !mia.isNull()) {
            Instant limit = now.plusSeconds(mia.asLong());
            et = et == null || et.isAfter(limit) ? limit : et;
        }
        if (et != null) {
            fci.put("et", TimestampCodec.format(et));
        }
        fci.put("cnd", definition.cnd());
        fci.put("st", a.path("st").asLong());
        fci.put("cs", size);
        if (a.has("lbl")) {
            fci.set("lbl", a.get("lbl").deepCopy());
        }
        for (Map.Entry<String, JsonNode> field : a.properties()) {
            if (definition.isCustom(field.getKey())) {
                fci.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        Resource instance = new Resource(ri, self.ri(), ResourceType.FLEX_CONTAINER_INSTANCE, rn,
                self.path() + "/" + rn, now, now, et, fci);
        context.write(new Write.Create(instance));
        context.event(new ResourceEvent.Created(instance, self, context.originator()));
    }

    private static String freshRi(HandlerContext context) {
        while (true) {
            String ri = "fci" + ThreadLocalRandom.current().nextLong(100_000_000_000L, 1_000_000_000_000L);
            if (context.store().get(ri).isEmpty()) {
                return ri;
            }
        }
    }

    /** {@code cs}: the sum of the custom attributes' sizes (UTF-8 bytes of text, JSON bytes of other values). */
    static long customSize(ObjectNode a, FlexContainerDefinition definition) {
        long size = 0;
        for (Map.Entry<String, JsonNode> field : a.properties()) {
            if (definition.isCustom(field.getKey())) {
                JsonNode v = field.getValue();
                size += v.isTextual() ? v.textValue().getBytes(StandardCharsets.UTF_8).length
                        : ContentCodec.write(v).length;
            }
        }
        return size;
    }
}
