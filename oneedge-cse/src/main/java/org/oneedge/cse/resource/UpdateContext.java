package org.oneedge.cse.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.Request;
import org.oneedge.model.TimestampCodec;

/**
 * An UPDATE in progress: the resource as stored, the attributes the request sent (checked against the schema) and
 * the draft after merging them ({@code null} values removed, {@code lt} set). A handler may change the draft.
 */
public final class UpdateContext extends HandlerContext {

    private final Resource current;
    private final ObjectNode changes;
    private final ObjectNode attributes;
    private Instant expiresAt;

    public UpdateContext(Request request, String originator, Instant now, ResourceStore store, CseConfig config,
                         Resource current, ObjectNode changes, ObjectNode attributes, Instant expiresAt) {
        super(request, originator, now, store, config);
        this.current = current;
        this.changes = changes;
        this.attributes = attributes;
        this.expiresAt = expiresAt;
    }

    /** The resource as stored before this update. */
    public Resource current() {
        return current;
    }

    /** The attributes the request sent; read-only. */
    public ObjectNode changes() {
        return changes;
    }

    /** The draft representation after the merge; change freely. */
    public ObjectNode attributes() {
        return attributes;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public void expiresAt(Instant value) {
        expiresAt = value;
        if (value == null) {
            attributes.remove("et");
        } else {
            attributes.put("et", TimestampCodec.format(value));
        }
    }
}
