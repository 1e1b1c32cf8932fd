package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.oneedge.handover.context.ContextResource;
import org.oneedge.handover.continuity.DownlinkRouter;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/**
 * Handover invariants over three in-process MN-CSEs with the real registry, coordinator, uplink windows, downlink
 * hold and device client: uplinks and downlinks are sent before, between and during handovers (while the AE is
 * MIGRATING), and every one ends up stored exactly once, in order.
 */
class HandoverProperties {

    sealed interface Step {
    }

    record Up() implements Step {
    }

    record Down() implements Step {
    }

    record Move(int target, List<Step> during) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Step> simple = Arbitraries.of(true, false).map(up -> up ? new Up() : new Down());
        Arbitrary<Step> move = Combinators.combine(Arbitraries.integers().between(1, 3), simple.list().ofMaxSize(4))
                .as(Move::new);
        return Arbitraries.frequencyOf(Tuple.of(4, simple), Tuple.of(1, move)).list().ofMaxSize(20);
    }

    @Property(tries = 30)
    void every_uplink_and_downlink_is_stored_once_in_order(@ForAll("scripts") List<Step> script) {
        // a short hold: writes the script sends between export and switch (from the coordinator's thread) are
        // held and then refused as migrating, the way a device that waited out the hold sees them
        try (Topology topology = new Topology(3, 10_000, false, r -> r, Duration.ofMillis(5))) {
            HandoverAwareClient device = topology.device("Cdev1", 1);
            assertThat(device.send(Topology.request(Operation.CREATE, "-/aeCdev1", "Cdev1")
                    .resourceType(ResourceType.CONTAINER).content(ContentCodec.parse("{\"m2m:cnt\":{\"rn\":\"cmd\"}}"))
                    .build()).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            DownlinkRouter router = new DownlinkRouter(topology.registry, id -> (CseClient) topology.nodes.get(id),
                    Clock.systemUTC(), 1000, Duration.ofMinutes(5));
            topology.coordinator.downlinks(router);
            List<String> ups = new ArrayList<>();
            List<String> downs = new ArrayList<>();
            int[] moves = {0};
            Runnable[] run = new Runnable[1];
            java.util.function.Consumer<Step> execute = new java.util.function.Consumer<>() {
                @Override
                public void accept(Step step) {
                    switch (step) {
                        case Up u -> {
                            String v = "u" + (ups.size() + 1);
                            ups.add(v);
                            device.send(Topology.uplink("Cdev1", v));
                        }
                        case Down d -> {
                            String v = "d" + (downs.size() + 1);
                            downs.add(v);
                            assertThat(router.send("Cdev1", Topology.request(Operation.CREATE, "-/aeCdev1/cmd", "Capp")
                                    .resourceType(ResourceType.CONTENT_INSTANCE)
                                    .content(ContentCodec.parse("{\"m2m:cin\":{\"con\":\"" + v + "\"}}")).build())
                                    .isSuccess()).isTrue();
                        }
                        case Move m -> {
                            String target = "/id-mn" + m.target();
                            topology.coordinator.afterSnapshot(() -> m.during().forEach(this));
                            var tx = topology.coordinator.handover("tx" + (++moves[0]), "Cdev1", target);
                            topology.coordinator.afterSnapshot(() -> { });
                            assertThat(tx.state()).isIn(TransactionState.COMPLETED, TransactionState.ROLLED_BACK);
                            device.flush();
                        }
                    }
                }
            };
            script.forEach(execute);

            assertThat(device.flush()).isZero();
            assertThat(device.outcomes()).allMatch(HandoverAwareClient.Outcome::acknowledged);
            assertThat(device.outcomes()).hasSize(ups.size() + 2);
            String serving = topology.registry.resolve("Cdev1").orElseThrow().servingCseId();
            List<ContextResource> tree = topology.transfers.get(serving).export("Cdev1", 10_000, null).orElseThrow()
                    .resources();
            assertThat(contents(tree, "aeCdev1/data/")).isEqualTo(ups);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> // held ones go out after the handover
                    assertThat(contents(topology.transfers.get(serving).export("Cdev1", 10_000, null).orElseThrow()
                            .resources(), "aeCdev1/cmd/")).isEqualTo(downs));
            for (String other : topology.nodes.keySet()) {
                if (!other.equals(serving)) {
                    assertThat(topology.nodes.get(other).hosts("Cdev1")).as(other).isFalse();
                }
            }
        }
    }

    private static List<String> contents(List<ContextResource> tree, String prefix) {
        return tree.stream().filter(r -> r.type() == ResourceType.CONTENT_INSTANCE)
                .filter(r -> r.relativePath().startsWith(prefix)).map(r -> r.attributes().path("con").asText())
                .toList();
    }
}
