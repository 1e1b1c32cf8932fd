package org.oneedge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oneedge.testkit.store.StoreFixtures.at;
import static org.oneedge.testkit.store.StoreFixtures.child;
import static org.oneedge.testkit.store.StoreFixtures.cseBase;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.StoreConflictException;
import org.oneedge.cse.store.Submission;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;

/** {@code submit}: queued batches commit in order, and a batch built on a failed one fails with it, unrun. */
class PipelinedSubmitTest {

    private final Resource cb = cseBase("id-in", "cse-in");
    private JdbcResourceStore store;

    @BeforeEach
    void open() {
        store = H2MemoryResourceStoreTest.openStore();
        store.apply(new Write.Create(cb));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void batches_submitted_before_any_await_commit_in_submission_order() {
        Resource ae = child(cb, "CAE1", ResourceType.AE, "AE1", at(1));
        Resource renamed = new Resource(ae.ri(), ae.pi(), ae.type(), ae.rn(), ae.path(), ae.createdAt(), at(2), null,
                ae.attributes().deepCopy().put("lbl", "second"));

        Submission first = store.submit(List.of(new Write.Create(ae)), List.of());
        Submission second = store.submit(List.of(new Write.Update(renamed)), List.of(first));
        second.await();
        first.await();

        assertThat(store.get("CAE1")).contains(renamed);
    }

    @Test
    void a_batch_built_on_a_failed_one_fails_unrun_while_independent_ones_commit() {
        Resource ae = child(cb, "CAE1", ResourceType.AE, "AE1", at(1));
        store.apply(new Write.Create(ae));
        Resource duplicate = child(cb, "CAE1", ResourceType.AE, "AE2", at(2));
        Resource dependent = child(cb, "CAE3", ResourceType.AE, "AE3", at(3));
        Resource independent = child(cb, "CAE4", ResourceType.AE, "AE4", at(4));

        Submission failing = store.submit(List.of(new Write.Create(duplicate)), List.of());
        Submission builtOn = store.submit(List.of(new Write.Create(dependent)), List.of(failing));
        Submission other = store.submit(List.of(new Write.Create(independent)), List.of());
        other.await();

        assertThatThrownBy(failing::await).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(builtOn::await).isInstanceOf(StoreConflictException.class);
        assertThat(failing.failed()).isTrue();
        assertThat(builtOn.failed()).isTrue();
        assertThat(store.get("CAE3")).isEmpty();
        assertThat(store.get("CAE4")).contains(independent);
        assertThat(store.getByPath("cse-in/AE2")).isEmpty();
    }

    @Test
    void updates_of_one_resource_committed_together_leave_the_last_one() {
        Resource ae = child(cb, "CAE1", ResourceType.AE, "AE1", at(1));
        store.apply(new Write.Create(ae));

        List<Submission> submitted = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            submitted.add(store.submit(List.of(new Write.Update(labelled(ae, "v" + i))), List.of()));
        }
        submitted.getLast().await();

        assertThat(submitted).noneMatch(Submission::failed);
        assertThat(store.get("CAE1")).contains(labelled(ae, "v3"));
    }

    @Test
    void every_update_of_a_missing_resource_in_one_group_fails() {
        Resource ghost = child(cb, "CGHOST", ResourceType.AE, "ghost", at(1));

        Submission first = store.submit(List.of(new Write.Update(labelled(ghost, "a"))), List.of());
        Submission second = store.submit(List.of(new Write.Update(labelled(ghost, "b"))), List.of());

        assertThatThrownBy(second::await).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(first::await).isInstanceOf(StoreConflictException.class);
        assertThat(store.get("CGHOST")).isEmpty();
    }

    private static Resource labelled(Resource r, String label) {
        return new Resource(r.ri(), r.pi(), r.type(), r.rn(), r.path(), r.createdAt(), r.modifiedAt(), null,
                r.attributes().deepCopy().put("lbl", label));
    }
}
