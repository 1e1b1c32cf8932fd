package org.oneedge.cse.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.CreateContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.UpdateContext;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/**
 * The {@code <mgmtObj>} (ty 13, TS-0004 7.4.15 and Annex D, digest §1.2): one handler for all
 * {@link MgmtObjSpecialization}s. The content's root key picks the specialization ({@code m2m:bat}, …), {@code mgd}
 * must name the same one and is fixed afterwards; each specialization checks its own attributes and values. Only a
 * {@code <node>} accepts mgmtObj children (4108 elsewhere).
 */
public final class MgmtObjHandler implements ResourceHandler {

    private static final Set<ResourceType> CHILDREN = Set.of(ResourceType.SUBSCRIPTION);
    private static final AttributeSchema COMMON = MgmtObjSpecialization.commonSchema("mgmtObj").build();

    @Override
    public ResourceType type() {
        return ResourceType.MGMT_OBJ;
    }

    /** The attributes common to every specialization; requests are checked against the specialization's table. */
    @Override
    public AttributeSchema schema() {
        return COMMON;
    }

    @Override
    public AttributeSchema schema(String rootKey) {
        return MgmtObjSpecialization.byRootKey(rootKey).map(MgmtObjSpecialization::schema)
                .orElseThrow(() -> new OneM2MException(ResponseStatusCode.BAD_REQUEST, "content root '" + rootKey
                        + "' is not a mgmtObj specialization this CSE supports; use one of "
                        + MgmtObjSpecialization.rootKeys()));
    }

    @Override
    public String rootKey(Resource resource) {
        return MgmtObjSpecialization.byMgd(resource.attributes().path("mgd").asInt())
                .map(MgmtObjSpecialization::rootKey).orElse(rootKey());
    }

    @Override
    public Set<ResourceType> childTypes() {
        return CHILDREN;
    }

    @Override
    public void create(CreateContext context) {
        String root = context.request().content().fieldNames().next();
        MgmtObjSpecialization specialization = MgmtObjSpecialization.byRootKey(root).orElseThrow();
        JsonNode mgd = context.attributes().get("mgd");
        if (!mgd.isIntegralNumber() || mgd.asInt() != specialization.mgd()) {
            String known = MgmtObjSpecialization.byMgd(mgd.asInt()).map(s -> " (" + s.name() + ")")
                    .orElse(" (unknown mgmtDefinition)");
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "attribute 'mgd' (" + mgd + known
                    + ") does not match the content root '" + root + "', which needs mgd=" + specialization.mgd()
                    + " (" + specialization.name() + ")");
        }
        specialization.check(context.attributes());
    }

    @Override
    public void update(UpdateContext context) {
        ObjectNode merged = context.attributes();
        MgmtObjSpecialization.byMgd(merged.path("mgd").asInt()).ifPresent(s -> s.check(merged));
    }
}
