package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.registry.CasResult;
import org.oneedge.handover.registry.FencingGuard;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** The MN-CSE's local view of the AEs it serves: uplinks skip the registry, fencing still holds after a switch. */
class LocalFencingViewTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final Topology topology = new Topology(2, 5, false, CountingRegistry::new);

    @AfterEach
    void close() {
        topology.close();
    }

    @Test
    void uplinks_of_an_ae_served_here_are_admitted_without_reading_the_registry() {
        HandoverAwareClient device = topology.device("Cdev1", 1);
        int before = reads.get();

        for (int i = 0; i < 20; i++) {
            assertThat(device.send(Topology.uplink("Cdev1", "v" + i)).statusCode())
                    .isEqualTo(ResponseStatusCode.CREATED);
        }

        assertThat(reads.get()).isEqualTo(before);
    }

    @Test
    void the_source_refuses_writes_after_the_switch_and_names_the_serving_cse() {
        topology.device("Cdev1", 1);
        assertThat(topology.coordinator.handover("tx1", "Cdev1", "/id-mn2").state())
                .isEqualTo(TransactionState.COMPLETED);

        Response stale = topology.node(1).send(Topology.uplink("Cdev1", "late").toBuilder()
                .requestId("Cdev1#99").vendorInformation("oe-epoch=1").build());

        assertThat(stale.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY);
        assertThat(FencingGuard.named("Cdev1", stale)).map(ServingEntry::servingCseId).contains("/id-mn2");
        assertThat(FencingGuard.named("Cdev1", stale)).map(ServingEntry::epoch).contains(2L);
    }

    @Test
    void a_node_that_exported_an_ae_refuses_its_writes_until_a_rollback_names_it_again() {
        topology.device("Cdev1", 1);
        ServingEntry serving = topology.registry.resolve("Cdev1").orElseThrow();
        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("tx1"));
        topology.node(1).export("Cdev1", 5).orElseThrow();
        int before = reads.get();

        assertThat(topology.node(1).send(Topology.uplink("Cdev1", "x").toBuilder().requestId("Cdev1#50").build())
                .statusCode()).isEqualTo(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY);
        assertThat(topology.node(1).send(Topology.uplink("Cdev1", "x").toBuilder().requestId("Cdev1#50").build())
                .statusCode()).isEqualTo(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY);
        assertThat(reads.get()).isEqualTo(before); // the device's retries while it migrates cost no registry read

        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("tx1").restored()); // rolled back, untold
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> topology.node(1).send(
                Topology.uplink("Cdev1", "y").toBuilder().requestId("Cdev1#51").build()).statusCode()
                == ResponseStatusCode.CREATED);
    }

    @Test
    void after_a_switch_the_device_follows_the_refusal_to_the_target_without_registry_reads() {
        HandoverAwareClient device = topology.device("Cdev1", 1);
        device.send(Topology.uplink("Cdev1", "a"));
        topology.coordinator.handover("tx1", "Cdev1", "/id-mn2");
        int before = reads.get();

        for (int i = 0; i < 10; i++) {
            assertThat(device.send(Topology.uplink("Cdev1", "b" + i)).statusCode())
                    .isEqualTo(ResponseStatusCode.CREATED);
        }

        assertThat(device.servingCseId()).isEqualTo("/id-mn2");
        assertThat(reads.get()).isEqualTo(before); // both nodes heard the switch from the coordinator
    }

    @Test
    void a_node_told_of_a_switch_away_refuses_even_a_writer_carrying_the_old_epoch() {
        topology.device("Cdev1", 1);
        ServingEntry serving = topology.registry.resolve("Cdev1").orElseThrow();

        topology.node(1).servingChanged("Cdev1", serving.migrating("tx1").switchedTo("/id-mn2"));
        Response stale = topology.node(1).send(Topology.uplink("Cdev1", "late").toBuilder()
                .requestId("Cdev1#7").vendorInformation("oe-epoch=1").build());

        assertThat(stale.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY);
        assertThat(FencingGuard.named("Cdev1", stale)).map(ServingEntry::servingCseId).contains("/id-mn2");
    }

    @Test
    void a_rollback_the_coordinator_passes_on_admits_the_writes_at_the_source_at_once() {
        topology.device("Cdev1", 1);
        ServingEntry serving = topology.registry.resolve("Cdev1").orElseThrow();
        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("tx1"));
        topology.node(1).export("Cdev1", 5).orElseThrow();
        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("tx1").restored());

        topology.node(1).servingChanged("Cdev1", serving.migrating("tx1").restored());

        assertThat(topology.node(1).send(Topology.uplink("Cdev1", "y").toBuilder().requestId("Cdev1#51").build())
                .statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    @Test
    void a_hint_overtaken_by_a_later_handovers_hint_is_ignored() {
        topology.device("Cdev1", 1);
        ServingEntry serving = topology.registry.resolve("Cdev1").orElseThrow();
        ServingEntry away = serving.migrating("tx1").switchedTo("/id-mn2");          // epoch 2 at mn2
        ServingEntry back = away.migrating("tx2").switchedTo("/id-mn1");             // epoch 3 here again
        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("tx1"));
        topology.registry.compareAndSet("Cdev1", 1, away);
        topology.registry.compareAndSet("Cdev1", 2, away.migrating("tx2"));
        topology.registry.compareAndSet("Cdev1", 2, back);

        topology.node(1).servingChanged("Cdev1", back);
        topology.node(1).servingChanged("Cdev1", away); // tx1's hint, late

        assertThat(topology.node(1).send(Topology.uplink("Cdev1", "z").toBuilder().requestId("Cdev1#60").build())
                .statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    private final class CountingRegistry implements ServingRegistry {
        private final ServingRegistry delegate;

        CountingRegistry(ServingRegistry delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<ServingEntry> resolve(String aeId) {
            reads.incrementAndGet();
            return delegate.resolve(aeId);
        }

        @Override
        public CasResult compareAndSet(String aeId, long expectedEpoch, ServingEntry next) {
            return delegate.compareAndSet(aeId, expectedEpoch, next);
        }
    }
}
