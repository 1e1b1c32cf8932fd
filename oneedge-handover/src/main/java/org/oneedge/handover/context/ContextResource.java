package org.oneedge.handover.context;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.oneedge.model.ResourceType;

/**
 * One resource of an AE's context as it travels: its identifiers, times and representation, with its place given
 * relative to the CSEBase so the target can hang it under its own.
 *
 * @param relativePath path below the CSEBase, e.g. {@code dev/data/cin_1}
 */
public record ContextResource(String ri, String pi, ResourceType type, String rn, String relativePath,
                              Instant createdAt, Instant modifiedAt, Instant expiresAt, ObjectNode attributes) {
}
