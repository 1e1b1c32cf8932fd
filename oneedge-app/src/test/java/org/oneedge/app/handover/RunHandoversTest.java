package org.oneedge.app.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.node.OneEdgeNode;
import org.oneedge.app.topology.NodeSpec;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseType;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.handover.HandoverNode;
import org.oneedge.handover.context.AeContext;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.handover.transaction.CseTransactionStore;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.ReasonCode;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.handover.transaction.TransactionStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/**
 * The handover wiring of {@code oneedge run} recovers at start from a crash in the middle of a handover: a
 * transaction stored unfinished by the last run is driven to an end state, and the MN-CSE left with an import the
 * registry does not show it serving drops it.
 */
class RunHandoversTest {

    private static final String AE = "Cmoving";
    private final List<Cse> engines = new ArrayList<>();

    @AfterEach
    void stop() {
        engines.reversed().forEach(Cse::close);
    }

    @Test
    void recover_at_start_rolls_back_a_transaction_left_in_transferring_and_drops_the_targets_import() {
        RunHandovers handovers = new RunHandovers();
        Cse in = engine("/id-in", "cse-in", CseType.IN, handovers.customizer(new NodeSpec("in",
                NodeConfig.defaults(), null)));
        HandoverNode mn1 = mn(handovers, 1);
        HandoverNode mn2 = mn(handovers, 2);
        assertThat(new CseRequests(mn1, AE).create("cse-mn1", ResourceType.AE, ContentCodec.parse(
                "{\"m2m:ae\":{\"rn\":\"moving\",\"api\":\"Nmoving\",\"rr\":false,\"srv\":[\"3\"]}}")).statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
        ServingRegistry registry = handovers.registry();
        ServingEntry serving = ServingEntry.registered(AE, "/id-mn1");
        assertThat(registry.compareAndSet(AE, ServingRegistry.ABSENT, serving).committed()).isTrue();
        serving = registry.resolve(AE).orElseThrow();

        // the last run crashed in TRANSFERRING: registry MIGRATING, context imported at the target, no switch
        TransactionStore transactions = new CseTransactionStore(new CseRequests(in, RunHandovers.COORDINATOR),
                RunHandovers.REGISTRY_PATH);
        HandoverTransaction tx = transactions.createIfAbsent(HandoverTransaction.requested("tx-crashed", AE,
                "/id-mn1", "/id-mn2", serving.epoch()));
        transactions.update(tx.to(TransactionState.PREPARING).to(TransactionState.TRANSFERRING));
        assertThat(registry.compareAndSet(AE, serving.epoch(), serving.migrating("tx-crashed")).committed()).isTrue();
        AeContext context = mn1.export(AE, 10).orElseThrow();
        mn2.importContext(context);
        assertThat(mn2.hosts(AE)).isTrue();

        List<HandoverTransaction> ended = handovers.recover(handovers.coordinator(registry));

        assertThat(ended).extracting(HandoverTransaction::txid).containsExactly("tx-crashed");
        HandoverTransaction after = transactions.find("tx-crashed").orElseThrow();
        assertThat(after.state()).isEqualTo(TransactionState.ROLLED_BACK);
        assertThat(after.reason()).isEqualTo(ReasonCode.INTERRUPTED);
        assertThat(transactions.unfinished()).isEmpty();
        ServingEntry entry = registry.resolve(AE).orElseThrow();
        assertThat(entry.state()).isEqualTo(ServingState.SERVING);
        assertThat(entry.servingCseId()).isEqualTo("/id-mn1");
        assertThat(mn1.hosts(AE)).as("the source serves on").isTrue();
        assertThat(mn2.hosts(AE)).as("the target's import is dropped").isFalse();
    }

    @Test
    void recover_at_start_drops_an_ae_the_registry_shows_served_by_another_cse() {
        RunHandovers handovers = new RunHandovers();
        engine("/id-in", "cse-in", CseType.IN, handovers.customizer(new NodeSpec("in", NodeConfig.defaults(), null)));
        HandoverNode mn1 = mn(handovers, 1);
        HandoverNode mn2 = mn(handovers, 2);
        assertThat(new CseRequests(mn1, AE).create("cse-mn1", ResourceType.AE, ContentCodec.parse(
                "{\"m2m:ae\":{\"rn\":\"moving\",\"api\":\"Nmoving\",\"rr\":false,\"srv\":[\"3\"]}}")).statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
        mn2.importContext(mn1.export(AE, 10).orElseThrow());
        ServingRegistry registry = handovers.registry(); // switched, then the source crashed before its release
        assertThat(registry.compareAndSet(AE, ServingRegistry.ABSENT, ServingEntry.registered(AE, "/id-mn2"))
                .committed()).isTrue();

        assertThat(handovers.recover(handovers.coordinator(registry))).isEmpty();

        assertThat(mn1.hosts(AE)).as("leftover at the old source").isFalse();
        assertThat(mn2.hosts(AE)).isTrue();
    }

    private HandoverNode mn(RunHandovers handovers, int k) {
        NodeConfig config = NodeConfig.defaults().asNode("/id-mn" + k, "cse-mn" + k, NodeConfig.CseKind.MN, 0,
                Path.of("unused"));
        engine("/id-mn" + k, "cse-mn" + k, CseType.MN, handovers.customizer(new NodeSpec("mn" + k, config, "in")));
        return handovers.node("/id-mn" + k).orElseThrow();
    }

    private Cse engine(String cseId, String base, CseType type, OneEdgeNode.Customizer customizer) {
        Cse.Builder builder = Cse.builder().config(CseConfig.defaults().withCseId(cseId).withCseBaseName(base)
                .withCseType(type).withPointOfAccess(List.of())).store(new InMemoryResourceStore())
                .accessChecker(AccessChecker.allowAll());
        customizer.extensions().forEach(builder::extension);
        Cse cse = builder.build();
        cse.start();
        engines.add(cse);
        customizer.front(cse);
        return cse;
    }
}
