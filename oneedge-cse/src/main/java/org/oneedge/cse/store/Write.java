package org.oneedge.cse.store;

/** One change in an atomic batch handed to {@link ResourceStore#apply}. */
public sealed interface Write {

    /** Inserts a new resource; fails the batch when its {@code ri}, or its {@code rn} under the same parent, exists. */
    record Create(Resource resource) implements Write {}

    /** Replaces an existing resource (same {@code ri}); fails the batch when it does not exist. */
    record Update(Resource resource) implements Write {}

    /** Removes a resource and its whole subtree; a missing resource is not an error. */
    record Delete(String ri) implements Write {}
}
