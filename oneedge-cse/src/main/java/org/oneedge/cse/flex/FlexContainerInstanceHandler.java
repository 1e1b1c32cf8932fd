package org.oneedge.cse.flex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.DeleteContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ResourceType;

/**
 * The {@code <flexContainerInstance>} (ty 58, {@code m2m:fci}, Rel-4, digest §1.1/§7.2): a snapshot the CSE takes of
 * a flexContainer's custom attributes; never created or updated by a request (4005), deletable, and its deletion or
 * expiry keeps the flexContainer's {@code cni}/{@code cbs} exact.
 */
public final class FlexContainerInstanceHandler implements ResourceHandler {

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("flexContainerInstance")
            .readOnly("cnd", ValueType.STRING)
            .readOnly("cs", ValueType.NON_NEGATIVE_INTEGER)
            .stateTag()
            .build();

    @Override
    public ResourceType type() {
        return ResourceType.FLEX_CONTAINER_INSTANCE;
    }

    @Override
    public AttributeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Set<ResourceType> childTypes() {
        return Set.of();
    }

    @Override
    public boolean creatable() {
        return false;
    }

    @Override
    public boolean updatable() {
        return false;
    }

    @Override
    public void delete(DeleteContext context) {
        Resource parent = context.parent();
        if (parent == null || parent.type() != ResourceType.FLEX_CONTAINER) {
            return;
        }
        ObjectNode updated = parent.attributes().deepCopy();
        updated.put("cni", Math.max(0, updated.path("cni").asLong() - 1));
        updated.put("cbs", Math.max(0, updated.path("cbs").asLong() - context.target().attributes().path("cs").asLong()));
        context.replaceParent(new Resource(parent.ri(), parent.pi(), parent.type(), parent.rn(), parent.path(),
                parent.createdAt(), parent.modifiedAt(), parent.expiresAt(), updated));
    }
}
