package org.oneedge.cse.registration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.ResourceType;
import org.oneedge.model.TimestampCodec;

/**
 * The {@code <CSEBase>} (TS-0004 7.4.3, digest §1.5): created by the CSE itself at start, never by a request, and
 * neither updatable nor deletable over the API (4005). Its {@code ctm} (currentTime) is computed on every read.
 */
public final class CseBaseHandler implements ResourceHandler {

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("CSEBase")
            .readOnly("cst", ValueType.INTEGER)
            .readOnly("csi", ValueType.STRING)
            .readOnly("srt", ValueType.INTEGER_LIST)
            .readOnly("poa", ValueType.ANY_URI_LIST)
            .readOnly("nl", ValueType.ANY_URI)
            .readOnly("csz", ValueType.STRING_LIST)
            .readOnly("srv", ValueType.STRING_LIST)
            .readOnly("spi", ValueType.STRING)
            .readOnly("ctm", ValueType.TIMESTAMP)
            .accessControlPolicyIds()
            .build();

    private static final Set<ResourceType> CHILDREN = Set.of(ResourceType.REMOTE_CSE, ResourceType.NODE,
            ResourceType.AE, ResourceType.CONTAINER, ResourceType.GROUP, ResourceType.ACCESS_CONTROL_POLICY,
            ResourceType.SUBSCRIPTION, ResourceType.LOCATION_POLICY, ResourceType.REQUEST, ResourceType.SCHEDULE,
            ResourceType.FLEX_CONTAINER, ResourceType.TIME_SERIES, ResourceType.CROSS_RESOURCE_SUBSCRIPTION,
            ResourceType.CSE_BASE_ANNC, ResourceType.REMOTE_CSE_ANNC, ResourceType.AE_ANNC);

    @Override
    public ResourceType type() {
        return ResourceType.CSE_BASE;
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
    public boolean creatable() {
        return false;
    }

    @Override
    public boolean updatable() {
        return false;
    }

    @Override
    public boolean deletable() {
        return false;
    }

    @Override
    public ObjectNode represent(Resource resource, Instant now) {
        ObjectNode copy = ContentCodec.object();
        copy.setAll(resource.attributes());
        copy.put("ctm", TimestampCodec.format(now));
        return copy;
    }
}
