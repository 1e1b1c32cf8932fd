package org.oneedge.cse.access;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.CreateContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.UpdateContext;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/**
 * The {@code <accessControlPolicy>} resource type (ty 1, TS-0004 7.4.2, digest §5.1): {@code pv} and {@code pvs} are
 * mandatory, every rule must be well-formed ({@link SetOfAcrs#parse}), and {@code pvs} must keep at least one rule so
 * the policy can still be managed. Access to the policy itself is judged by its {@code pvs}
 * ({@link AccessControlEvaluator}).
 */
public final class AccessControlPolicyHandler implements ResourceHandler {

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("accessControlPolicy")
            .mandatory("pv", ValueType.OBJECT)
            .mandatory("pvs", ValueType.OBJECT)
            .build();

    @Override
    public ResourceType type() {
        return ResourceType.ACCESS_CONTROL_POLICY;
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
    public void create(CreateContext context) {
        check(context.attributes());
    }

    @Override
    public void update(UpdateContext context) {
        check(context.attributes());
    }

    /** Checks the rules of a complete (created or merged) policy. */
    static void check(ObjectNode policy) {
        SetOfAcrs.parse("pv", policy.get("pv"));
        SetOfAcrs selfPrivileges = SetOfAcrs.parse("pvs", policy.get("pvs"));
        if (selfPrivileges.rules().isEmpty()) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "pvs (selfPrivileges) must hold at least one rule, else nobody could manage the policy");
        }
    }
}
