package org.oneedge.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oneedge.model.ResourceType.CONTAINER;
import static org.oneedge.model.ResourceType.CONTENT_INSTANCE;
import static org.oneedge.model.ResourceType.SUBSCRIPTION;
import static org.oneedge.testkit.store.StoreFixtures.T0;
import static org.oneedge.testkit.store.StoreFixtures.child;
import static org.oneedge.testkit.store.StoreFixtures.cseBase;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.cse.store.StoreConflictException;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ResourceType;

/**
 * The randomised half of the store contract: after any history of creates and subtree deletes, a store lists, counts
 * and picks children exactly as a naive model does. Each {@link ResourceStore} implementation has a
 * {@code …Properties} class extending this one next to its {@link ResourceStoreContract} test (a separate class, so
 * that the jqwik and Jupiter engines each report their own test class).
 *
 * <p>The store is opened once per property; every try works under a CSEBase of its own.
 */
public abstract class ResourceStoreProperties {

    /** A fresh, empty store; called once per property. The property closes it. */
    protected abstract ResourceStore newStore();

    private ResourceStore store;
    private int round;

    @BeforeProperty
    void openStore() {
        store = newStore();
    }

    @AfterProperty
    void closeStore() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** One step of a random history: create a child under the n-th live node, or delete the n-th live node. */
    public sealed interface Step {
        record Create(int parent, String rn, ResourceType type) implements Step {}

        record Delete(int node) implements Step {}
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> create = Combinators.combine(
                        Arbitraries.integers().between(0, 30),
                        Arbitraries.of("a", "b", "c", "a_", "a%"),
                        Arbitraries.of(CONTAINER, CONTENT_INSTANCE, SUBSCRIPTION))
                .as(Step.Create::new);
        Arbitrary<Step> delete = Arbitraries.integers().between(0, 30).map(Step.Delete::new);
        return Arbitraries.frequencyOf(
                        Tuple.of(4, create),
                        Tuple.of(1, delete))
                .list().ofMaxSize(25);
    }

    @Property(tries = 25)
    void children_lists_match_a_simple_model(@ForAll("histories") List<Step> history) {
        ResourceStore s = store;
        int round = this.round++;
        Resource root = cseBase("root" + round, "cse" + round);
        s.apply(new Write.Create(root));
        StoreModel model = new StoreModel(root);
        Random tieBreak = new Random(round);

        int seq = 0;
        for (Step step : history) {
            seq++;
            switch (step) {
                case Step.Create c -> {
                    Resource parent = model.nodeAt(c.parent());
                    // two creates share a creation time, so the ri tie-break is exercised too
                    String ri = "r" + round + "-" + (char) ('a' + tieBreak.nextInt(26)) + seq;
                    Resource r = child(parent, ri, c.type(), c.rn(), T0.plusMillis(seq / 2));
                    boolean expectConflict = model.hasChildNamed(parent.ri(), c.rn());
                    if (expectConflict) {
                        assertThatThrownBy(() -> s.apply(new Write.Create(r)))
                                .isInstanceOf(StoreConflictException.class);
                    } else {
                        s.apply(new Write.Create(r));
                        model.add(r);
                    }
                }
                case Step.Delete d -> {
                    Resource victim = model.nodeAt(d.node());
                    if (victim != root) {
                        s.apply(new Write.Delete(victim.ri()));
                        model.deleteSubtree(victim.ri());
                    }
                }
            }
        }

        for (Resource node : model.nodes()) {
            assertThat(s.children(node.ri(), null, 0, Integer.MAX_VALUE))
                    .as("children of %s", node.path())
                    .containsExactlyElementsOf(model.children(node.ri(), null));
            for (ResourceType type : List.of(CONTAINER, CONTENT_INSTANCE, SUBSCRIPTION)) {
                List<Resource> expected = model.children(node.ri(), type);
                assertThat(s.children(node.ri(), type, 0, Integer.MAX_VALUE)).containsExactlyElementsOf(expected);
                assertThat(s.countChildren(node.ri(), type)).isEqualTo(expected.size());
                assertThat(s.latestChild(node.ri(), type))
                        .isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(expected.getLast()));
                assertThat(s.oldestChild(node.ri(), type))
                        .isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(expected.getFirst()));
            }
            assertThat(s.getByPath(node.path())).contains(node);
        }
        for (String gone : model.deleted()) {
            assertThat(s.get(gone)).as("deleted %s", gone).isEmpty();
        }
        assertThat(s.descendants(root.path(), 0, Set.of())).containsExactlyElementsOf(model.descendantsOfRoot());
    }

}
