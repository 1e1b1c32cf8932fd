package org.oneedge.cse.resource;

import java.time.Instant;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.Request;

/** A DELETE in progress (by request, expiry or capacity): the resource, its parent, and the cause. */
public final class DeleteContext extends HandlerContext {

    private final Resource target;
    private final ResourceEvent.Cause cause;
    private Resource parent;
    private boolean parentChanged;

    public DeleteContext(Request request, String originator, Instant now, ResourceStore store, CseConfig config,
                         Resource target, Resource parent, ResourceEvent.Cause cause) {
        super(request, originator, now, store, config);
        this.target = target;
        this.parent = parent;
        this.cause = cause;
    }

    public Resource target() {
        return target;
    }

    /** The parent, as stored or as replaced by {@link #replaceParent}; null only for the CSEBase. */
    public Resource parent() {
        return parent;
    }

    /** Stores a changed parent in the same batch (e.g. a container's {@code cni} after an instance went). */
    public void replaceParent(Resource updated) {
        parent = updated;
        parentChanged = true;
    }

    public boolean parentChanged() {
        return parentChanged;
    }

    public ResourceEvent.Cause cause() {
        return cause;
    }
}
