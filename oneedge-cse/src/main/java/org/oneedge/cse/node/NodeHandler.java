package org.oneedge.cse.node;

import java.util.Set;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.model.ResourceType;

/**
 * The {@code <node>} (TS-0004 7.4.18, TS-0001 9.6.18, digest §1.5): the device or CSE host a set of management objects
 * describes; the only parent of {@code <mgmtObj>} resources. {@code hael} also follows the {@code nl} of AEs (see
 * {@link NodeLinkListener}).
 */
public final class NodeHandler implements ResourceHandler {

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("node")
            .mandatory("ni", ValueType.STRING)
            .optional("hcl", ValueType.ANY_URI)
            .optional("hael", ValueType.ANY_URI_LIST)
            .optional("hsl", ValueType.ANY_URI_LIST)
            .optional("mgca", ValueType.STRING)
            .optional("nid", ValueType.STRING)
            .optional("nty", ValueType.NON_NEGATIVE_INTEGER)
            .optional("rms", ValueType.ANY)
            .optional("daci", ValueType.ANY_URI_LIST)
            .optional("cstn", ValueType.STRING)
            .creator()
            .accessControlPolicyIds()
            .build();

    private static final Set<ResourceType> CHILDREN = Set.of(ResourceType.MGMT_OBJ, ResourceType.SEMANTIC_DESCRIPTOR,
            ResourceType.SUBSCRIPTION, ResourceType.SCHEDULE, ResourceType.FLEX_CONTAINER);

    @Override
    public ResourceType type() {
        return ResourceType.NODE;
    }

    @Override
    public AttributeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Set<ResourceType> childTypes() {
        return CHILDREN;
    }
}
