package org.oneedge.cse;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ResourceType;

/** The handlers of one CSE by resource type, fixed when the CSE is built (no static registry). */
final class HandlerTable {

    private final Map<ResourceType, ResourceHandler> byType;

    HandlerTable(Map<ResourceType, ResourceHandler> byType) {
        this.byType = new EnumMap<>(byType);
    }

    /** The handler of a type, or null when this CSE does not support it. */
    ResourceHandler get(ResourceType type) {
        return byType.get(type);
    }

    Collection<ResourceHandler> all() {
        return byType.values();
    }

    /** The JSON root key of a stored resource (per specialization for mgmtObj), also for types without a handler. */
    String rootKey(Resource resource) {
        ResourceHandler handler = byType.get(resource.type());
        return handler == null ? resource.type().rootKey() : handler.rootKey(resource);
    }

    /** The JSON root key of a type, also for types without a handler. */
    String rootKey(ResourceType type) {
        ResourceHandler handler = byType.get(type);
        return handler == null ? type.rootKey() : handler.rootKey();
    }
}
