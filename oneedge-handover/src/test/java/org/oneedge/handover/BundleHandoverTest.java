package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.bundle.BundleHandover;
import org.oneedge.handover.bundle.BundleMember;
import org.oneedge.handover.bundle.BundleOutcome;
import org.oneedge.handover.registry.CasResult;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.handover.token.HandoverTokenIssuer;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.ReasonCode;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.handover.transaction.TransactionStore;
import org.oneedge.model.ResponseStatusCode;

/** All AEs of a device move together or not at all, re-registering at the target in priority order. */
class BundleHandoverTest {

    /** Records the serving switches the bundle makes, in order. */
    private static final class RecordingRegistry implements ServingRegistry {
        final ServingRegistry delegate;
        final List<String> switches = new ArrayList<>();

        RecordingRegistry(ServingRegistry delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<ServingEntry> resolve(String aeId) {
            return delegate.resolve(aeId);
        }

        @Override
        public CasResult compareAndSet(String aeId, long expectedEpoch, ServingEntry next) {
            CasResult r = delegate.compareAndSet(aeId, expectedEpoch, next);
            if (r.committed() && next.state() == ServingState.SERVING && next.epoch() > expectedEpoch) {
                switches.add(aeId + "->" + next.servingCseId());
            }
            return r;
        }
    }

    private final Topology topology = new Topology(2);
    private final RecordingRegistry registry = new RecordingRegistry(topology.registry);
    private final BundleHandover bundles = new BundleHandover(registry, topology.transactions,
            new HandoverTokenIssuer(topology.coordinatorKeys.getPrivate(), Clock.systemUTC(), Duration.ofSeconds(30)),
            id -> Optional.ofNullable(topology.nodes.get(id)), Clock.systemUTC(), 5);

    @AfterEach
    void close() {
        topology.close();
    }

    private String servedBy(String aeId) {
        return topology.registry.resolve(aeId).orElseThrow().servingCseId();
    }

    @Test
    void moves_every_ae_of_the_device_re_registering_them_in_priority_order() {
        for (String ae : List.of("Ctemp", "Calarm", "Clog")) {
            topology.device(ae, 1).send(Topology.uplink(ae, "v-" + ae));
        }

        BundleOutcome outcome = bundles.handover("b1", List.of(new BundleMember("Clog", 1),
                new BundleMember("Calarm", 9), new BundleMember("Ctemp", 5)), "/id-mn2");

        assertThat(outcome.completed()).isTrue();
        assertThat(outcome.order()).containsExactly("Calarm", "Ctemp", "Clog");
        assertThat(registry.switches).containsExactly("Calarm->/id-mn2", "Ctemp->/id-mn2", "Clog->/id-mn2");
        assertThat(outcome.transactions()).extracting(HandoverTransaction::state).containsOnly(TransactionState.COMPLETED);
        assertThat(outcome.transactions()).extracting(HandoverTransaction::txid)
                .containsExactly("b1~Calarm", "b1~Ctemp", "b1~Clog");
        for (String ae : List.of("Ctemp", "Calarm", "Clog")) {
            assertThat(servedBy(ae)).isEqualTo("/id-mn2");
            assertThat(topology.read(2, "cse-mn2/ae" + ae + "/data/la").content().path("m2m:cin").path("con")
                    .asText()).isEqualTo("v-" + ae);
            assertThat(topology.node(1).hosts(ae)).isFalse();
        }
        assertThat(topology.in.admin().retrieve("cse-in/oeHandover/tx-b1_Ctemp").content().path("oe:hoTx")
                .path("state").asText()).isEqualTo("COMPLETED");
        BundleOutcome again = bundles.handover("b1", List.of(new BundleMember("Clog", 1),
                new BundleMember("Calarm", 9), new BundleMember("Ctemp", 5)), "/id-mn2");
        assertThat(again.completed()).isTrue();
        assertThat(again.transactions()).isEqualTo(outcome.transactions());
        assertThat(topology.registry.resolve("Ctemp").orElseThrow().epoch()).isEqualTo(2);
    }

    @Test
    void one_failing_ae_rolls_the_whole_bundle_back_to_the_source() {
        for (String ae : List.of("Ca", "Cb", "Cc")) {
            topology.device(ae, 1);
        }
        // another AE already holds the path cse-mn2/aeCc at the target: importing Cc fails
        topology.node(2).cse().send(Topology.request(org.oneedge.model.Operation.CREATE, "cse-mn2", "Cother")
                .resourceType(org.oneedge.model.ResourceType.AE).content(org.oneedge.model.ContentCodec.parse(
                        "{\"m2m:ae\":{\"rn\":\"aeCc\",\"api\":\"Nx\",\"rr\":false,\"srv\":[\"3\"]}}")).build());

        BundleOutcome outcome = bundles.handover("b1", List.of(new BundleMember("Ca", 3), new BundleMember("Cb", 2),
                new BundleMember("Cc", 1)), "/id-mn2");

        assertThat(outcome.completed()).isFalse();
        assertThat(outcome.failedAeId()).isEqualTo("Cc");
        assertThat(outcome.reason()).isEqualTo(ReasonCode.TRANSFER_FAILED);
        assertThat(outcome.transactions()).extracting(HandoverTransaction::reason)
                .containsExactly(ReasonCode.BUNDLE_ABORTED, ReasonCode.BUNDLE_ABORTED, ReasonCode.TRANSFER_FAILED);
        for (String ae : List.of("Ca", "Cb", "Cc")) {
            ServingEntry entry = topology.registry.resolve(ae).orElseThrow();
            assertThat(entry.servingCseId()).isEqualTo("/id-mn1");
            assertThat(entry.state()).isEqualTo(ServingState.SERVING);
            assertThat(entry.epoch()).isEqualTo(1);
            assertThat(topology.node(2).hosts(ae)).isFalse();
            assertThat(topology.read(1, "cse-mn1/ae" + ae).statusCode()).isEqualTo(ResponseStatusCode.OK);
        }
        assertThat(registry.switches).isEmpty();
    }

    private BundleHandover bundlesWith(ServingRegistry r, TransactionStore store) {
        return new BundleHandover(r, store, new HandoverTokenIssuer(topology.coordinatorKeys.getPrivate(),
                Clock.systemUTC(), Duration.ofSeconds(30)), id -> Optional.ofNullable(topology.nodes.get(id)),
                Clock.systemUTC(), 5);
    }

    @Test
    void a_bundle_interrupted_half_way_through_the_switch_resumes_back_at_the_source_for_all() {
        List<BundleMember> members = List.of(new BundleMember("Ca", 2), new BundleMember("Cb", 1));
        members.forEach(m -> topology.device(m.aeId(), 1));
        assertThatThrownBy(() -> bundlesWith(new CrashingRegistry(topology.registry, 2), topology.transactions)
                .handover("b1", members, "/id-mn2")).hasMessageContaining("crash");
        assertThat(servedBy("Ca")).isEqualTo("/id-mn2"); // the crash left the bundle split

        assertThat(topology.coordinator.resume(tx -> !BundleHandover.isBundleTransaction(tx.txid()))).isEmpty();
        List<BundleOutcome> resumed = bundlesWith(topology.registry, topology.transactions).resume();

        assertThat(resumed).singleElement().satisfies(o -> assertThat(o.completed()).isFalse());
        for (String ae : List.of("Ca", "Cb")) {
            ServingEntry entry = topology.registry.resolve(ae).orElseThrow();
            assertThat(entry.servingCseId()).isEqualTo("/id-mn1");
            assertThat(entry.state()).isEqualTo(ServingState.SERVING);
            assertThat(topology.node(1).hosts(ae)).isTrue();
            assertThat(topology.node(2).hosts(ae)).isFalse();
            assertThat(topology.transactions.find("b1~" + ae).orElseThrow().reason())
                    .isEqualTo(ReasonCode.INTERRUPTED);
        }
        assertThat(topology.transactions.unfinished()).isEmpty();
    }

    @Test
    void a_bundle_interrupted_after_every_switch_resumes_to_completion_at_the_target() {
        List<BundleMember> members = List.of(new BundleMember("Ca", 2), new BundleMember("Cb", 1));
        members.forEach(m -> topology.device(m.aeId(), 1));
        TransactionStore crashing = new TransactionStore() {
            @Override
            public HandoverTransaction createIfAbsent(HandoverTransaction t) {
                return topology.transactions.createIfAbsent(t);
            }

            @Override
            public void update(HandoverTransaction t) {
                if (t.state() == TransactionState.SWITCHING) {
                    throw new IllegalStateException("crash after the switch");
                }
                topology.transactions.update(t);
            }

            @Override
            public Optional<HandoverTransaction> find(String txid) {
                return topology.transactions.find(txid);
            }

            @Override
            public List<HandoverTransaction> unfinished() {
                return topology.transactions.unfinished();
            }
        };
        assertThatThrownBy(() -> bundlesWith(topology.registry, crashing).handover("b1", members, "/id-mn2"))
                .hasMessageContaining("crash");

        List<BundleOutcome> resumed = bundlesWith(topology.registry, topology.transactions).resume();

        assertThat(resumed).singleElement().satisfies(o -> assertThat(o.completed()).isTrue());
        for (String ae : List.of("Ca", "Cb")) {
            assertThat(servedBy(ae)).isEqualTo("/id-mn2");
            assertThat(topology.node(1).hosts(ae)).isFalse();
            assertThat(topology.node(2).hosts(ae)).isTrue();
            assertThat(topology.transactions.find("b1~" + ae).orElseThrow().state())
                    .isEqualTo(TransactionState.COMPLETED);
        }
    }

    @Test
    void aes_served_by_different_cses_are_not_one_bundle() {
        topology.device("Ca", 1);
        topology.device("Cb", 2);

        BundleOutcome outcome = bundles.handover("b1", List.of(new BundleMember("Ca", 1),
                new BundleMember("Cb", 1)), "/id-mn2");

        assertThat(outcome.completed()).isFalse();
        assertThat(servedBy("Ca")).isEqualTo("/id-mn1");
        assertThat(topology.registry.resolve("Ca").orElseThrow().state()).isEqualTo(ServingState.SERVING);
        assertThatThrownBy(() -> bundles.handover("b2", List.of(new BundleMember("Ca", 1),
                new BundleMember("Ca", 2)), "/id-mn2")).isInstanceOf(IllegalArgumentException.class);
    }
}
