package org.oneedge.cse.container;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.CreateContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.UpdateContext;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.model.ResourceType;

/**
 * The {@code <container>} (TS-0004 7.4.6, digest §7.1): limits {@code mni}, {@code mbs}, {@code mia}; counters
 * {@code cni}, {@code cbs} and the state tag {@code st} kept exact by the content instance handler; the virtual
 * {@code la}/{@code ol} children. Lowering a limit by UPDATE removes the oldest instances at once.
 */
public final class ContainerHandler implements ResourceHandler {

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("container")
            .optional("mni", ValueType.NON_NEGATIVE_INTEGER)
            .optional("mbs", ValueType.NON_NEGATIVE_INTEGER)
            .optional("mia", ValueType.NON_NEGATIVE_INTEGER)
            .readOnly("cni", ValueType.NON_NEGATIVE_INTEGER)
            .readOnly("cbs", ValueType.NON_NEGATIVE_INTEGER)
            .optional("li", ValueType.ANY_URI)
            .optional("or", ValueType.ANY_URI)
            .optional("disr", ValueType.BOOLEAN)
            .optional("daci", ValueType.ANY_URI_LIST)
            .optional("cstn", ValueType.STRING)
            .stateTag()
            .creator()
            .accessControlPolicyIds()
            .build();

    private static final Set<ResourceType> CHILDREN = Set.of(ResourceType.CONTENT_INSTANCE,
            ResourceType.SUBSCRIPTION, ResourceType.CONTAINER, ResourceType.SEMANTIC_DESCRIPTOR,
            ResourceType.FLEX_CONTAINER, ResourceType.TIME_SERIES);

    @Override
    public ResourceType type() {
        return ResourceType.CONTAINER;
    }

    @Override
    public AttributeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Set<ResourceType> childTypes() {
        return CHILDREN;
    }

    @Override
    public ResourceType instanceType() {
        return ResourceType.CONTENT_INSTANCE;
    }

    @Override
    public void create(CreateContext context) {
        ObjectNode a = context.attributes();
        a.put("st", 0);
        a.put("cni", 0);
        a.put("cbs", 0);
    }

    @Override
    public void update(UpdateContext context) {
        ObjectNode a = context.attributes();
        a.put("st", a.path("st").asLong() + 1);
        if (context.changes().has("mni") || context.changes().has("mbs")) {
            ContainerCapacity.makeRoom(context, a, context.current().ri(), 0, 0);
        }
    }
}
