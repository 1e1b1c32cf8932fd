package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.oneedge.handover.bundle.BundleHandover;
import org.oneedge.handover.bundle.BundleMember;
import org.oneedge.handover.bundle.BundleOutcome;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.token.HandoverTokenIssuer;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.handover.transaction.TransactionStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.ResourceType;

/**
 * Bundles are all or nothing: for random bundles (sizes, priorities) with failures injected into random members, and a
 * coordinator crash at a random serving switch followed by resumption, after the handover either every AE is served
 * by the target or every AE by the source, registry and CSE trees agreeing.
 */
class BundleProperties {

    /** How one member is made to fail, if at all. */
    enum Fault {
        NONE,
        /** The target already holds a resource at the AE's path: the import fails. */
        PATH_TAKEN_AT_TARGET,
        /** Another transaction holds the AE's registry entry: the lock fails. */
        HELD_BY_ANOTHER_HANDOVER,
        /** The registry says the source serves it, but the source lost the AE: the export fails. */
        GONE_FROM_SOURCE
    }

    record Member(int priority, Fault fault) {
    }

    @Provide
    Arbitrary<List<Member>> bundles() {
        Arbitrary<Fault> fault = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(12, Fault.NONE), net.jqwik.api.Tuple.of(1, Fault.PATH_TAKEN_AT_TARGET),
                net.jqwik.api.Tuple.of(1, Fault.HELD_BY_ANOTHER_HANDOVER),
                net.jqwik.api.Tuple.of(1, Fault.GONE_FROM_SOURCE));
        return Combinators.combine(Arbitraries.integers().between(0, 3), fault).as(Member::new).list()
                .ofMinSize(1).ofMaxSize(5);
    }

    private static BundleHandover bundles(Topology topology, ServingRegistry registry) {
        return new BundleHandover(registry, topology.transactions, new HandoverTokenIssuer(
                topology.coordinatorKeys.getPrivate(), Clock.systemUTC(), Duration.ofSeconds(30)),
                id -> Optional.ofNullable(topology.nodes.get(id)), Clock.systemUTC(), 5);
    }

    /**
     * @param crashAtSwitch 0, or the serving switch at which the coordinator crashes (then a fresh one resumes)
     */
    @Property(tries = 20)
    void either_all_aes_are_served_by_the_target_or_all_by_the_source(@ForAll("bundles") List<Member> members,
            @ForAll @IntRange(min = 0, max = 3) int crashAtSwitch) {
        try (Topology topology = new Topology(2)) {
            BundleHandover bundles = bundles(topology, new CrashingRegistry(topology.registry, crashAtSwitch));
            List<BundleMember> bundle = new java.util.ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                String ae = "Cae" + i;
                topology.device(ae, 1).send(Topology.uplink(ae, "x"));
                inject(topology, ae, members.get(i).fault());
                bundle.add(new BundleMember(ae, members.get(i).priority()));
            }
            boolean crashes = crashAtSwitch >= 1 && crashAtSwitch <= members.size()
                    && members.stream().allMatch(m -> m.fault() == Fault.NONE);
            boolean faultless = members.stream().allMatch(m -> m.fault() == Fault.NONE) && !crashes;

            Statistics.collect(crashes ? "crash and resume" : faultless ? "moved" : "injected failure");
            BundleOutcome outcome;
            try {
                outcome = bundles.handover("b", bundle, "/id-mn2");
                assertThat(crashes).as("no crash expected").isFalse();
            } catch (IllegalStateException crash) {
                assertThat(crashes).as("crashed: " + crash.getMessage()).isTrue();
                outcome = bundles(topology, topology.registry).resume().getFirst();
                assertThat(topology.transactions.unfinished()).isEmpty();
            }

            assertThat(outcome.completed()).isEqualTo(faultless);
            String expected = faultless ? "/id-mn2" : "/id-mn1";
            for (BundleMember m : bundle) {
                ServingEntry entry = topology.registry.resolve(m.aeId()).orElseThrow();
                assertThat(entry.servingCseId()).as(m.aeId()).isEqualTo(expected);
                assertThat(topology.node(2).hosts(m.aeId())).as(m.aeId() + " at the target").isEqualTo(faultless);
                if (!faultless && members.get(bundle.indexOf(m)).fault() != Fault.GONE_FROM_SOURCE) {
                    assertThat(topology.node(1).hosts(m.aeId())).as(m.aeId() + " at the source").isTrue();
                }
                if (faultless) {
                    assertThat(topology.node(1).hosts(m.aeId())).isFalse();
                }
            }
            if (faultless) {
                assertThat(outcome.order()).isEqualTo(BundleHandover.order(bundle).stream()
                        .map(BundleMember::aeId).toList());
            }
        }
    }

    @Property(tries = 10)
    void a_bundle_interrupted_at_any_switch_resumes_all_at_the_source_or_all_at_the_target(
            @ForAll("priorities") List<Integer> priorities, @ForAll @IntRange(min = 1, max = 5) int crashAtSwitch,
            @ForAll boolean crashAfterEverySwitch) {
        try (Topology topology = new Topology(2)) {
            List<BundleMember> bundle = new java.util.ArrayList<>();
            for (int i = 0; i < priorities.size(); i++) {
                topology.device("Cae" + i, 1);
                bundle.add(new BundleMember("Cae" + i, priorities.get(i)));
            }
            int crashAt = crashAfterEverySwitch ? 0 : Math.min(crashAtSwitch, bundle.size());
            TransactionStore store = crashAfterEverySwitch ? new CrashingAtSwitching(topology.transactions)
                    : topology.transactions;
            BundleHandover crashing = new BundleHandover(new CrashingRegistry(topology.registry, crashAt), store,
                    new HandoverTokenIssuer(topology.coordinatorKeys.getPrivate(), Clock.systemUTC(),
                            Duration.ofSeconds(30)), id -> Optional.ofNullable(topology.nodes.get(id)),
                    Clock.systemUTC(), 5);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> crashing.handover("b", bundle, "/id-mn2"))
                    .isInstanceOf(IllegalStateException.class);
            BundleOutcome resumed = bundles(topology, topology.registry).resume().getFirst();

            assertThat(resumed.completed()).isEqualTo(crashAfterEverySwitch);
            String expected = crashAfterEverySwitch ? "/id-mn2" : "/id-mn1";
            for (BundleMember m : bundle) {
                assertThat(topology.registry.resolve(m.aeId()).orElseThrow().servingCseId()).isEqualTo(expected);
                assertThat(topology.node(2).hosts(m.aeId())).isEqualTo(crashAfterEverySwitch);
                assertThat(topology.node(1).hosts(m.aeId())).isEqualTo(!crashAfterEverySwitch);
            }
            assertThat(topology.transactions.unfinished()).isEmpty();
        }
    }

    @Provide
    Arbitrary<List<Integer>> priorities() {
        return Arbitraries.integers().between(0, 3).list().ofMinSize(1).ofMaxSize(4);
    }

    /** A transaction store that fails ("the coordinator crashed") when a transaction reaches SWITCHING. */
    private record CrashingAtSwitching(TransactionStore delegate) implements TransactionStore {
        @Override
        public HandoverTransaction createIfAbsent(HandoverTransaction t) {
            return delegate.createIfAbsent(t);
        }

        @Override
        public void update(HandoverTransaction t) {
            if (t.state() == TransactionState.SWITCHING) {
                throw new IllegalStateException("crash after every switch");
            }
            delegate.update(t);
        }

        @Override
        public Optional<HandoverTransaction> find(String txid) {
            return delegate.find(txid);
        }

        @Override
        public List<HandoverTransaction> unfinished() {
            return delegate.unfinished();
        }
    }

    private static void inject(Topology topology, String ae, Fault fault) {
        switch (fault) {
            case NONE -> { }
            case PATH_TAKEN_AT_TARGET -> topology.node(2).cse().send(Topology.request(Operation.CREATE, "cse-mn2",
                            "Csquat" + ae).resourceType(ResourceType.AE).content(ContentCodec.parse(
                            "{\"m2m:ae\":{\"rn\":\"" + Topology.rn(ae) + "\",\"api\":\"Nx\",\"rr\":false,"
                                    + "\"srv\":[\"3\"]}}")).build());
            case HELD_BY_ANOTHER_HANDOVER -> topology.registry.compareAndSet(ae, 1,
                    topology.registry.resolve(ae).orElseThrow().migrating("other-tx"));
            case GONE_FROM_SOURCE -> topology.node(1).release(ae);
        }
    }
}
