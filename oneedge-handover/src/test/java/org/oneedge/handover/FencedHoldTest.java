package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.registry.FencingGuard;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The source's long-poll while an AE migrates ({@link HandoverNode}): a write refused only because the switch is not
 * heard of yet waits for it and is then answered with what the switch decided.
 */
class FencedHoldTest {

    private Topology topology;

    @AfterEach
    void close() {
        if (topology != null) {
            topology.close();
        }
    }

    @Test
    void a_held_write_is_refused_naming_the_target_right_after_the_switch() {
        topology = new Topology(2, 5, false, r -> r, Duration.ofSeconds(30));
        ServingEntry serving = exported();

        CompletableFuture<Response> held = sendLate(1, "Cdev1#50");
        awaitHeld(held);
        ServingEntry switched = serving.migrating("tx1").switchedTo("/id-mn2");
        topology.registry.compareAndSet("Cdev1", 1, switched);
        topology.node(1).servingChanged("Cdev1", switched);

        Response answer = held.join(); // long before the 30 s hold ends
        assertThat(answer.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY);
        assertThat(FencingGuard.named("Cdev1", answer)).contains(switched);
    }

    @Test
    void a_held_write_is_applied_at_the_source_when_the_handover_rolls_back() {
        topology = new Topology(2, 5, false, r -> r, Duration.ofSeconds(30));
        ServingEntry serving = exported();

        CompletableFuture<Response> held = sendLate(1, "Cdev1#50");
        awaitHeld(held);
        ServingEntry restored = serving.migrating("tx1").restored();
        topology.registry.compareAndSet("Cdev1", 1, restored);
        topology.node(1).servingChanged("Cdev1", restored);

        assertThat(held.join().statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    @Test
    void a_hold_that_times_out_answers_the_migrating_refusal() {
        topology = new Topology(2, 5, false, r -> r, Duration.ofMillis(20));
        exported();

        Response answer = topology.node(1).send(Topology.uplink("Cdev1", "late").toBuilder()
                .requestId("Cdev1#50").build());

        assertThat(answer.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY);
        assertThat(FencingGuard.named("Cdev1", answer)).map(ServingEntry::state).contains(ServingState.MIGRATING);
        assertThat(FencingGuard.named("Cdev1", answer)).map(ServingEntry::servingCseId).contains("/id-mn1");
    }

    @Test
    void an_interrupted_hold_answers_the_migrating_refusal_at_once() {
        topology = new Topology(2, 5, false, r -> r, Duration.ofSeconds(30));
        exported();
        CompletableFuture<Response> held = new CompletableFuture<>();
        Thread sender = Thread.ofVirtual().start(() -> held.complete(topology.node(1).send(
                Topology.uplink("Cdev1", "late").toBuilder().requestId("Cdev1#50").build())));
        awaitHeld(held);

        sender.interrupt();

        Response answer = held.join(); // long before the 30 s hold ends
        assertThat(answer.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY);
        assertThat(FencingGuard.named("Cdev1", answer)).map(ServingEntry::state).contains(ServingState.MIGRATING);
    }

    @Test
    void a_device_writing_during_the_switch_lands_at_the_target_without_retrying() {
        topology = new Topology(2, 5, false, r -> r, Duration.ofSeconds(30));
        HandoverAwareClient device = topology.device("Cdev1", 1);
        CompletableFuture<Response>[] during = new CompletableFuture[1];
        topology.coordinator.afterSnapshot(() -> { // exported and imported, the switch not yet committed
            during[0] = CompletableFuture.supplyAsync(() -> device.send(Topology.uplink("Cdev1", "during")),
                    command -> Thread.ofVirtual().start(command));
            awaitHeld(during[0]);
        });

        assertThat(topology.coordinator.handover("tx1", "Cdev1", "/id-mn2").state())
                .isEqualTo(TransactionState.COMPLETED);

        assertThat(during[0].join().statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(device.buffered()).isZero();
        assertThat(device.servingCseId()).isEqualTo("/id-mn2");
        assertThat(topology.read(2, "cse-mn2/aeCdev1/data/la").content().path("m2m:cin").path("con").asText())
                .isEqualTo("during");
    }

    /** Registers the device at mn1 and exports it there, the registry MIGRATING: the switch is not known yet. */
    private ServingEntry exported() {
        topology.device("Cdev1", 1);
        ServingEntry serving = topology.registry.resolve("Cdev1").orElseThrow();
        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("tx1"));
        topology.node(1).export("Cdev1", 5).orElseThrow();
        return serving;
    }

    private CompletableFuture<Response> sendLate(int mn, String rqi) {
        return CompletableFuture.supplyAsync(() -> topology.node(mn).send(Topology.uplink("Cdev1", "late")
                .toBuilder().requestId(rqi).build()), command -> Thread.ofVirtual().start(command));
    }

    /** The write is not answered while nothing decided the switch: it is still waiting a moment later. */
    private static void awaitHeld(CompletableFuture<Response> held) {
        await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(2)).until(() -> !held.isDone());
    }
}
