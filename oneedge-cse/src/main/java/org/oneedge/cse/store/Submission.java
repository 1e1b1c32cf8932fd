package org.oneedge.cse.store;

/**
 * A batch handed to {@link ResourceStore#submit}: queued for a durable commit in submission order. The submitter
 * may release its locks before {@link #await awaiting} it, so that the batches of concurrent writers to the same
 * resource share one commit (group commit) instead of one commit each.
 */
public interface Submission {

    /** A batch already applied, e.g. by a store whose {@code apply} is immediate. */
    Submission DONE = new Submission() {
        @Override
        public void await() {
        }

        @Override
        public boolean failed() {
            return false;
        }
    };

    /**
     * Returns once the batch is durable (may be called more than once, from any thread).
     *
     * @throws StoreConflictException when the batch broke a store rule or a batch it was submitted after failed;
     *                                nothing of it is stored then
     */
    void await();

    /** True once the batch is known to have failed (nothing of it is stored). */
    boolean failed();

    /** A batch that failed before it was queued. */
    static Submission failedWith(RuntimeException failure) {
        return new Submission() {
            @Override
            public void await() {
                throw failure;
            }

            @Override
            public boolean failed() {
                return true;
            }
        };
    }
}
