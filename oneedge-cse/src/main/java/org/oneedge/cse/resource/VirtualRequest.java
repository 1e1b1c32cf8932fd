package org.oneedge.cse.resource;

import org.oneedge.cse.store.Resource;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;

/**
 * A request addressed to a virtual child that handles operations itself (a group's {@code fopt}, TS-0001 9.6.14),
 * as the engine hands it to {@link ResourceHandler#handleVirtual}.
 *
 * @param request the request as received
 * @param parent  the stored resource the virtual child belongs to (e.g. the {@code <group>})
 * @param name    the virtual child's name, e.g. {@code fopt}
 * @param subPath what follows the virtual child in the address: empty, or starting with {@code /}
 * @param access  the engine's access check (the admin originator passes)
 * @param children which child types each resource type accepts on this CSE (digest §1.3)
 */
public record VirtualRequest(Request request, Resource parent, String name, String subPath, AccessChecker access,
                             ChildRule children) {

    /** The parent → child rules of the CSE's handlers. */
    @FunctionalInterface
    public interface ChildRule {
        /** True when a resource of {@code parentType} accepts a child of type {@code childTy}. */
        boolean allows(ResourceType parentType, int childTy);
    }
}
