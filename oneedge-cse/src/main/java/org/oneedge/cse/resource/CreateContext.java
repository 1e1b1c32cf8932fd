package org.oneedge.cse.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.Write;
import org.oneedge.model.Request;
import org.oneedge.model.TimestampCodec;

/**
 * A CREATE in progress: the draft attributes of the new resource (content already checked against the type's
 * {@link AttributeSchema}, universal attributes {@code ri rn pi ty ct lt et} filled in) and its parent as stored.
 * A handler may change the draft, the {@code ri}, the {@code et}, or the parent (in the same batch).
 */
public final class CreateContext extends HandlerContext {

    private final ObjectNode attributes;
    private Resource parent;
    private boolean parentChanged;
    private String ri;
    private Instant expiresAt;

    public CreateContext(Request request, String originator, Instant now, ResourceStore store, CseConfig config,
                         Resource parent, ObjectNode attributes, String ri, Instant expiresAt) {
        super(request, originator, now, store, config);
        this.parent = parent;
        this.attributes = attributes;
        this.ri = ri;
        this.expiresAt = expiresAt;
    }

    /** The parent, as stored or as replaced by {@link #replaceParent}. */
    public Resource parent() {
        return parent;
    }

    /** Stores a changed parent in the same batch (e.g. a container's new {@code cni}). */
    public void replaceParent(Resource updated) {
        parent = updated;
        parentChanged = true;
    }

    public boolean parentChanged() {
        return parentChanged;
    }

    /** The parent's write, if the handler replaced it. */
    public Write parentWrite() {
        return new Write.Update(parent);
    }

    /** The draft representation of the new resource (short names, no root key); change freely. */
    public ObjectNode attributes() {
        return attributes;
    }

    public String ri() {
        return ri;
    }

    /** Chooses the {@code ri} (e.g. the AE-ID-Stem for an AE) and keeps the draft's {@code ri} in step. */
    public void ri(String value) {
        ri = value;
        attributes.put("ri", value);
    }

    /** The {@code et} chosen so far; null for never. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Changes the {@code et} (e.g. to honour a container's {@code mia}) and keeps the draft in step. */
    public void expiresAt(Instant value) {
        expiresAt = value;
        if (value == null) {
            attributes.remove("et");
        } else {
            attributes.put("et", TimestampCodec.format(value));
        }
    }
}
