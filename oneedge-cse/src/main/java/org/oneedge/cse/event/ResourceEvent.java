package org.oneedge.cse.event;

import java.util.List;
import java.util.Set;
import org.oneedge.cse.store.Resource;

/**
 * Something that happened to a resource, reported to {@link ResourceEventListener}s after the store accepted the
 * write. Subscriptions (TS-0001 10.2.10, notification event types of digest §6.2), announcement and group
 * bookkeeping react to these instead of being called by the handlers.
 */
public sealed interface ResourceEvent {

    /** The entity whose request caused the event; the CSE-ID for the CSE's own actions (expiry). */
    String originator();

    /**
     * A resource was created. When the create changed its parent (a container's {@code cni}, {@code cbs}, {@code st}),
     * that change is carried here and not reported as a separate {@link Updated} event; instances removed to make room
     * come first as {@link Deleted} events with {@link Cause#CAPACITY}.
     *
     * @param parent the parent as stored after the create (e.g. a container with its new {@code cni}/{@code cbs})
     */
    record Created(Resource resource, Resource parent, String originator) implements ResourceEvent {}

    /**
     * A resource was updated by a request.
     *
     * @param modifiedAttributes short names of the attributes the request sent (set or removed)
     */
    record Updated(Resource before, Resource after, Set<String> modifiedAttributes, String originator)
            implements ResourceEvent {
        public Updated {
            modifiedAttributes = Set.copyOf(modifiedAttributes);
        }
    }

    /**
     * A resource was deleted together with its subtree.
     *
     * @param parent             the parent as stored after the delete, or null when it went too
     * @param cause              why it went
     * @param removedDescendants the resources removed with it, parents before children, without
     *                           {@code <contentInstance>} resources (so deleting a big container stays cheap)
     */
    record Deleted(Resource resource, Resource parent, String originator, Cause cause,
                   List<Resource> removedDescendants) implements ResourceEvent {
        public Deleted {
            removedDescendants = List.copyOf(removedDescendants);
        }
    }

    /** A resource was read by a plain RETRIEVE (not discovery). */
    record Retrieved(Resource resource, String originator) implements ResourceEvent {}

    /** Why a resource was deleted. */
    enum Cause {
        /** A DELETE request. */
        REQUEST,
        /** Its {@code et} passed (TS-0001 9.6.1.3). */
        EXPIRED,
        /**
         * The oldest {@code <contentInstance>} made room under {@code mni}/{@code mbs}; TS-0004 7.4.7.2.1 says no
         * "delete of direct child" notification is sent for these.
         */
        CAPACITY
    }
}
