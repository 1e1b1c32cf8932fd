package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.continuity.DownlinkRouter;
import org.oneedge.handover.registry.FencingGuard;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
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

    @Test
    void an_applications_write_into_an_exported_ae_is_held_and_refused_naming_the_target() {
        topology = new Topology(2, 5, false, r -> r, Duration.ofSeconds(30));
        topology.device("Cdev1", 1);
        assertThat(topology.node(1).send(downlink("before")).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        ServingEntry serving = topology.registry.resolve("Cdev1").orElseThrow();
        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("tx1"));
        topology.node(1).export("Cdev1", 5).orElseThrow();

        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> topology.node(1).send(downlink("late")),
                command -> Thread.ofVirtual().start(command));
        awaitHeld(held); // not applied at the source: it would be lost with the source's copy
        ServingEntry switched = serving.migrating("tx1").switchedTo("/id-mn2");
        topology.registry.compareAndSet("Cdev1", 1, switched);
        topology.node(1).servingChanged("Cdev1", switched);

        Response answer = held.join();
        assertThat(answer.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY);
        assertThat(FencingGuard.named("Cdev1", answer)).contains(switched);
        assertThat(topology.read(1, "cse-mn1/aeCdev1/data/la").content().path("m2m:cin").path("con").asText())
                .isEqualTo("before");
    }

    @Test
    void a_downlink_on_its_way_to_the_source_during_the_handover_is_sent_on_to_the_target() {
        topology = new Topology(2, 5, false, r -> r, Duration.ofSeconds(30));
        topology.device("Cdev1", 1);
        CountDownLatch exported = new CountDownLatch(1);
        CseClient slowLinkToMn1 = request -> { // the downlink reaches the source only after the export
            try {
                exported.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return topology.node(1).send(request);
        };
        DownlinkRouter router = new DownlinkRouter(topology.registry,
                id -> id.equals("/id-mn1") ? slowLinkToMn1 : topology.nodes.get(id), Clock.systemUTC(), 10,
                Duration.ofMinutes(1)); // not the coordinator's: nothing freezes it
        CompletableFuture<Response> late = CompletableFuture.supplyAsync(() -> router.send("Cdev1",
                downlink("late")), command -> Thread.ofVirtual().start(command));
        await().atMost(Duration.ofSeconds(5)).until(() -> exported.getCount() == 1 && !late.isDone());
        topology.coordinator.afterSnapshot(() -> { // exported and imported, the switch not yet committed
            exported.countDown();
            awaitHeld(late); // fenced at the source, not applied there
        });

        assertThat(topology.coordinator.handover("tx1", "Cdev1", "/id-mn2").state())
                .isEqualTo(TransactionState.COMPLETED);

        assertThat(late.join().statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(topology.read(2, "cse-mn2/aeCdev1/data/la").content().path("m2m:cin").path("con").asText())
                .isEqualTo("late");
    }

    @Test
    void a_late_downlink_to_a_cse_the_ae_only_passed_through_is_refused_naming_where_it_is_not_answered_4004() {
        topology = new Topology(2, 5, false, r -> r, Duration.ofSeconds(30));
        topology.device("Cdev1", 1);
        assertThat(topology.coordinator.handover("tx1", "Cdev1", "/id-mn2").state())
                .isEqualTo(TransactionState.COMPLETED); // at mn2 nothing was written for the AE
        assertThat(topology.coordinator.handover("tx2", "Cdev1", "/id-mn1").state())
                .isEqualTo(TransactionState.COMPLETED);

        Response late = topology.node(2).send(downlink("late"));

        assertThat(late.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY);
        assertThat(FencingGuard.named("Cdev1", late)).map(ServingEntry::servingCseId).contains("/id-mn1");
    }

    /** An application's contentInstance for the device's container, by structured address. */
    private static Request downlink(String value) {
        return Request.builder().operation(Operation.CREATE).to("-/aeCdev1/data").from("Capp").requestId("d-" + value)
                .releaseVersion("3").resourceType(ResourceType.CONTENT_INSTANCE)
                .content(ContentCodec.parse("{\"m2m:cin\":{\"con\":\"" + value + "\"}}")).build();
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
