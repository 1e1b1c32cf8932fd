package org.oneedge.cse.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.oneedge.model.ResourceType;

/**
 * A stored resource: the columns a store indexes plus the full representation ({@code attributes}, short names,
 * without the {@code m2m:xxx} root key). The engine keeps the columns and the representation consistent;
 * stores persist both and never interpret the representation.
 *
 * @param ri         resourceID, unique within the CSE (unstructured CSE-relative id)
 * @param pi         parentID, the parent's {@code ri}; empty for the CSEBase
 * @param type       resource type
 * @param rn         resourceName, unique among siblings
 * @param path       structured CSE-relative path, e.g. {@code cse-in/AE1/cnt1}; the CSEBase's is its {@code rn}
 * @param createdAt  {@code ct}; strictly increasing per CSE so that children sort by creation
 * @param modifiedAt {@code lt}
 * @param expiresAt  {@code et}, or null when the resource never expires
 * @param attributes the resource representation; treat it as read-only, copy before changing
 */
public record Resource(
        String ri,
        String pi,
        ResourceType type,
        String rn,
        String path,
        Instant createdAt,
        Instant modifiedAt,
        Instant expiresAt,
        ObjectNode attributes) {

    public Resource {
        if (ri == null || ri.isEmpty()) {
            throw new IllegalArgumentException("ri is mandatory");
        }
        if (pi == null || type == null || rn == null || path == null || createdAt == null || modifiedAt == null
                || attributes == null) {
            throw new IllegalArgumentException("resource " + ri + " lacks a mandatory column");
        }
    }

    /** Number of path segments below the CSEBase (CSEBase 0, its children 1, ...). */
    public int depth() {
        int depth = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }
}
