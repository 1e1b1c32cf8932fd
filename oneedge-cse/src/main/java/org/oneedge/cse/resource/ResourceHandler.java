package org.oneedge.cse.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The behaviour of one resource type (TS-0004 7.4.x): its attribute table, the child types it accepts
 * (TS-0001 Table 9.6.1.1-1, digest §1.3) and its type-specific CREATE/UPDATE/DELETE rules. The engine does the
 * generic part of each operation (addressing, access control, schema checks, universal attributes, locking, the
 * atomic store write, events, result content) and calls the handler in the middle.
 *
 * <pre>
 *  request ─► validate primitive ─► resolve target ─► access check ─► schema check
 *          ─► [lock parent] ─► universal attributes ─► handler.create/update/delete ─► store.apply(batch)
 *          ─► events to listeners ─► Response (rcn)
 * </pre>
 *
 * A handler refuses a request by throwing {@link org.oneedge.model.OneM2MException} with the status code and a message
 * naming what is wrong; nothing is stored then. Handlers are registered on {@code Cse.builder().handler(…)}; one per
 * {@link #type()}, the last registration wins. Implementations must be stateless or thread-safe.
 */
public interface ResourceHandler {

    ResourceType type();

    /** The attribute table checked before {@link #create} and {@link #update} run. */
    AttributeSchema schema();

    /** The types that may be created directly below a resource of this type; others get 4108. */
    Set<ResourceType> childTypes();

    /** The JSON root key of this type's content, e.g. {@code m2m:cnt}. */
    default String rootKey() {
        return type().rootKey();
    }

    /**
     * The JSON root key of one stored resource; differs from {@link #rootKey()} only for types with specializations
     * (a mgmtObj is {@code m2m:bat}, {@code m2m:dvi}, ... by its {@code mgd}, digest §1.2).
     */
    default String rootKey(Resource resource) {
        return rootKey();
    }

    /**
     * The attribute table for content under {@code rootKey} (a CREATE's root key; for UPDATE the stored resource's),
     * or null when this type has no such root key. A type with specializations answers per specialization and may
     * throw {@link org.oneedge.model.OneM2MException} naming what is wrong with the key.
     */
    default AttributeSchema schema(String rootKey) {
        return rootKey.equals(rootKey()) ? schema() : null;
    }

    /**
     * Names of virtual children that take every operation, also with a path below them (a group's {@code fopt},
     * TS-0001 9.6.14); the engine hands requests addressed to them to {@link #handleVirtual}. Resources of other
     * types may not use these names.
     */
    default Set<String> virtualChildren() {
        return Set.of();
    }

    /** Handles a request addressed to one of {@link #virtualChildren()}; the engine adds {@code rqi}/{@code rvi}. */
    default Response handleVirtual(VirtualRequest request) {
        throw new OneM2MException(ResponseStatusCode.NOT_FOUND,
                "target '" + request.request().to() + "' does not exist on this CSE");
    }

    /** False when requests may not create it (4005), e.g. the CSEBase. */
    default boolean creatable() {
        return true;
    }

    /** False when requests may not update it (4005), e.g. a contentInstance. */
    default boolean updatable() {
        return true;
    }

    /** False when requests may not delete it (4005), e.g. the CSEBase. */
    default boolean deletable() {
        return true;
    }

    /** False when CREATE of this type skips access control (registration of AEs, digest §5.2). */
    default boolean createNeedsPrivilege() {
        return true;
    }

    /**
     * Whether {@link #create} runs while the engine holds the parent's write lock (default true). Return false when
     * {@code create} neither reads nor replaces the parent's state and does slow work such as a verification request
     * (TS-0004 7.4.8.2.1), so other writes below the same parent are not held up; the store still refuses a duplicate
     * {@code ri} or sibling {@code rn} atomically (4105).
     */
    default boolean createLocksParent() {
        return true;
    }

    /**
     * The instance type whose newest and oldest member the virtual children {@code la} and {@code ol} address
     * (TS-0001 9.6.27/9.6.28), or null when this type has none.
     */
    default ResourceType instanceType() {
        return null;
    }

    /** Type-specific CREATE checks and attributes; may add writes (e.g. to the parent) to the batch. */
    default void create(CreateContext context) {
    }

    /** Type-specific UPDATE checks; the draft already holds the merged attributes. */
    default void update(UpdateContext context) {
    }

    /** Type-specific DELETE work, e.g. correcting the parent's counters. */
    default void delete(DeleteContext context) {
    }

    /**
     * The representation sent to originators (without root key). The default returns the stored attributes as they
     * are (no copy); a handler adds computed attributes here (e.g. the CSEBase's {@code ctm}) on a copy.
     */
    default ObjectNode represent(Resource resource, Instant now) {
        return resource.attributes();
    }
}
