package org.oneedge.cse.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oneedge.model.ResourceType;

/**
 * Where a CSE keeps its resources. Owned by the engine; each backend (in-memory, H2, PostgreSQL) implements it and
 * passes the same contract test suite ({@code ResourceStoreContract} in oneedge-testkit).
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>{@link #apply} is atomic and, for persistent stores, durable when it returns: an acknowledged write
 *       survives a process kill. {@link #submit} is the same, durable when its {@link Submission#await} returns.</li>
 *   <li>Batches are committed in the order they were submitted or applied; a submitted batch is visible to reads
 *       only once committed.</li>
 *   <li>Lists of children and descendants are ordered by creation time, then {@code ri}.</li>
 *   <li>Reads are safe from many threads at once; the engine serialises conflicting writes itself.</li>
 * </ul>
 */
public interface ResourceStore extends AutoCloseable {

    Optional<Resource> get(String ri);

    /** The resource at a structured CSE-relative path such as {@code cse-in/AE1/cnt1}. */
    Optional<Resource> getByPath(String path);

    /**
     * Applies the writes in order, all or nothing.
     *
     * @throws StoreConflictException when a create meets an existing {@code ri} or sibling {@code rn}, or an update
     *                                meets a missing resource; nothing is changed then
     */
    void apply(List<Write> writes);

    /**
     * Queues the writes to be applied, all or nothing, after every batch submitted or applied before, and returns
     * without waiting for the commit, so a caller can release its locks first and await durability after. When one of
     * {@code after} has failed by the time this batch's turn comes, this batch fails too ({@link StoreConflictException})
     * without changing anything: a writer that built on another's not yet committed state never commits alone.
     * The default applies at once, for stores whose {@link #apply} is immediate.
     *
     * @param after batches this one builds on, submitted earlier; their failure fails this batch
     */
    default Submission submit(List<Write> writes, List<Submission> after) {
        for (Submission earlier : after) {
            if (earlier.failed()) {
                return Submission.failedWith(new StoreConflictException("an earlier write this one builds on failed"));
            }
        }
        try {
            apply(writes);
            return Submission.DONE;
        } catch (RuntimeException e) {
            return Submission.failedWith(e);
        }
    }

    /** Convenience for a batch of one. */
    default void apply(Write write) {
        apply(List.of(write));
    }

    /**
     * Direct children of {@code pi}, oldest first.
     *
     * @param type   only this type, or null for all
     * @param offset number of children to skip
     * @param limit  at most this many, or {@code Integer.MAX_VALUE}
     */
    List<Resource> children(String pi, ResourceType type, int offset, int limit);

    long countChildren(String pi, ResourceType type);

    /** The oldest child of the type ({@code ol}); must not scan all children. */
    Optional<Resource> oldestChild(String pi, ResourceType type);

    /** The newest child of the type ({@code la}); must not scan all children. */
    Optional<Resource> latestChild(String pi, ResourceType type);

    /**
     * Resources below {@code path} (not the one at {@code path}), oldest first.
     *
     * @param maxLevel only down to this many levels below (1 = children), or 0 for no limit
     * @param types    only these types, or empty for all
     */
    List<Resource> descendants(String path, int maxLevel, Set<ResourceType> types);

    /** Resources whose {@code et} is before {@code instant}, soonest first, at most {@code limit}. */
    List<Resource> expiredBefore(Instant instant, int limit);

    @Override
    void close();
}
