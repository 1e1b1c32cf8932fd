package org.oneedge.cse.request;

import java.util.Set;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.model.ResourceType;

/**
 * The {@code <request>} resource (ty 17, TS-0004 7.4.12, digest §8.4): the CSE's record of a non-blocking request,
 * created only by the CSE ({@link NonBlockingRequests}); CREATE and UPDATE by requests → 4005; the originator may
 * RETRIEVE it (it is the {@code cr}) and DELETE it. Every attribute is read-only.
 */
public final class RequestHandler implements ResourceHandler {

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("request")
            .accessControlPolicyIds()
            .creator()
            .stateTag()
            .readOnly("op", ValueType.INTEGER)
            .readOnly("tg", ValueType.STRING)
            .readOnly("org", ValueType.STRING)
            .readOnly("rid", ValueType.STRING)
            .readOnly("mi", ValueType.OBJECT)
            .readOnly("pc", ValueType.ANY)
            .readOnly("rs", ValueType.INTEGER)
            .readOnly("ors", ValueType.OBJECT)
            .build();

    @Override
    public ResourceType type() {
        return ResourceType.REQUEST;
    }

    @Override
    public AttributeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Set<ResourceType> childTypes() {
        return Set.of(ResourceType.SUBSCRIPTION);
    }

    @Override
    public boolean creatable() {
        return false;
    }

    @Override
    public boolean updatable() {
        return false;
    }
}
