package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.context.AeContext;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.ReasonCode;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.model.Operation;
import org.oneedge.model.ResponseStatusCode;

class HandoverTest {

    private final Topology topology = new Topology(2);

    @AfterEach
    void close() {
        topology.close();
    }

    private JsonNode cnt(int mn) {
        return topology.read(mn, "cse-mn" + mn + "/aeCdev1/data").content().path("m2m:cnt");
    }

    @Test
    void moves_the_ae_with_its_tree_keeping_identifiers_and_switches_the_registry() {
        HandoverAwareClient device = topology.device("Cdev1", 1);
        for (int i = 1; i <= 7; i++) {
            assertThat(device.send(Topology.uplink("Cdev1", "v" + i)).statusCode())
                    .isEqualTo(ResponseStatusCode.CREATED);
        }
        JsonNode before = topology.read(1, "cse-mn1/aeCdev1").content().path("m2m:ae");
        JsonNode cntBefore = cnt(1);

        HandoverTransaction tx = topology.coordinator.handover("tx1", "Cdev1", "/id-mn2");

        assertThat(tx.state()).isEqualTo(TransactionState.COMPLETED);
        JsonNode after = topology.read(2, "cse-mn2/aeCdev1").content().path("m2m:ae");
        for (String kept : new String[] {"ri", "rn", "ct", "aei"}) {
            assertThat(after.path(kept)).as(kept).isEqualTo(before.path(kept));
        }
        assertThat(cnt(2).path("ri")).isEqualTo(cntBefore.path("ri"));
        assertThat(cnt(2).path("lbl").get(0).asText()).isEqualTo("telemetry");
        assertThat(cnt(2).path("cni").asInt()).isEqualTo(5); // the newest 5 of 7 move
        assertThat(topology.read(2, "cse-mn2/aeCdev1/data/la").content().path("m2m:cin").path("con").asText())
                .isEqualTo("v7");
        assertThat(topology.read(1, "cse-mn1/aeCdev1").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        ServingEntry entry = topology.registry.resolve("Cdev1").orElseThrow();
        assertThat(entry.servingCseId()).isEqualTo("/id-mn2");
        assertThat(entry.epoch()).isEqualTo(2);
        assertThat(tx.figures().resourcesMoved()).isEqualTo(1 + 1 + 5);
        assertThat(tx.figures().transferBytes()).isPositive();
    }

    @Test
    void subscriptions_the_ae_owns_are_recreated_at_the_target_with_their_name_and_targets() {
        HandoverAwareClient device = topology.device("Cdev1", 1);
        assertThat(device.send(Topology.request(Operation.CREATE, "-/aeCdev1/data", "Cdev1")
                .resourceType(org.oneedge.model.ResourceType.SUBSCRIPTION)
                .content(org.oneedge.model.ContentCodec.parse(
                        "{\"m2m:sub\":{\"rn\":\"watch\",\"nu\":[\"Cdev1\"],\"enc\":{\"net\":[3]}}}"))
                .build()).statusCode()).isEqualTo(ResponseStatusCode.CREATED);

        HandoverTransaction tx = topology.coordinator.handover("tx1", "Cdev1", "/id-mn2");

        assertThat(tx.state()).isEqualTo(TransactionState.COMPLETED);
        JsonNode sub = topology.read(2, "cse-mn2/aeCdev1/data/watch").content().path("m2m:sub");
        assertThat(sub.path("nu").get(0).asText()).isEqualTo("Cdev1");
        assertThat(topology.read(1, "cse-mn1/aeCdev1/data/watch").statusCode())
                .isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void references_into_the_source_cse_are_rewritten_to_the_target() {
        HandoverAwareClient device = topology.device("Cdev1", 1);
        device.send(Topology.request(Operation.CREATE, "-/aeCdev1", "Cdev1")
                .resourceType(org.oneedge.model.ResourceType.CONTAINER)
                .content(org.oneedge.model.ContentCodec.parse("{\"m2m:cnt\":{\"rn\":\"pos\","
                        + "\"li\":\"/id-mn1/cse-mn1/aeCdev1/data\",\"lbl\":[\"/id-mn1/keep\"]}}")).build());

        topology.coordinator.handover("tx1", "Cdev1", "/id-mn2");

        JsonNode pos = topology.read(2, "cse-mn2/aeCdev1/pos").content().path("m2m:cnt");
        assertThat(pos.path("li").asText()).isEqualTo("/id-mn2/cse-mn2/aeCdev1/data");
        assertThat(pos.path("lbl").get(0).asText()).isEqualTo("/id-mn1/keep");
    }

    @Test
    void the_transaction_resource_shows_the_outcome_and_starting_it_again_returns_it() {
        topology.device("Cdev1", 1);
        HandoverTransaction tx = topology.coordinator.handover("tx1", "Cdev1", "/id-mn2");

        JsonNode resource = topology.in.admin().retrieve("cse-in/oeHandover/tx-tx1").content().path("oe:hoTx");
        assertThat(resource.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(resource.path("moved").asLong()).isEqualTo(2);
        assertThat(resource.path("st").asLong()).isGreaterThanOrEqualTo(4);

        assertThat(topology.coordinator.handover("tx1", "Cdev1", "/id-mn2")).isEqualTo(tx);
        assertThat(topology.registry.resolve("Cdev1").orElseThrow().epoch()).isEqualTo(2);
    }

    @Test
    void the_device_follows_the_switch_and_a_replay_is_applied_once() {
        HandoverAwareClient device = topology.device("Cdev1", 1);
        device.send(Topology.uplink("Cdev1", "a"));
        topology.coordinator.handover("tx1", "Cdev1", "/id-mn2");

        assertThat(device.send(Topology.uplink("Cdev1", "b")).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(device.servingCseId()).isEqualTo("/id-mn2");
        assertThat(device.lastUplinkInterruption()).hasValueSatisfying(d -> assertThat(d.isNegative()).isFalse());

        // the device resends request 2 (the container was 1), unsure whether it arrived before the switch
        var replay = topology.node(2).send(Topology.uplink("Cdev1", "a").toBuilder().requestId("Cdev1#2").build());
        assertThat(replay.statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(replay.debugMessage()).contains("already applied");
        assertThat(cnt(2).path("cni").asInt()).isEqualTo(2);
    }

    @Test
    void a_request_the_cse_failed_to_apply_is_applied_when_resent() {
        topology.device("Cdev1", 1);
        var broken = Topology.request(Operation.CREATE, "-/aeCdev1/nowhere", "Cdev1")
                .resourceType(org.oneedge.model.ResourceType.CONTENT_INSTANCE)
                .content(org.oneedge.model.ContentCodec.parse("{\"m2m:cin\":{\"con\":\"x\"}}"))
                .requestId("Cdev1#5").build();
        assertThat(topology.node(1).send(broken).statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);

        var resent = Topology.uplink("Cdev1", "x").toBuilder().requestId("Cdev1#5").build();

        assertThat(topology.node(1).send(resent).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(topology.node(1).send(resent).debugMessage()).contains("already applied");
    }

    @Test
    void writes_during_the_migration_are_buffered_and_replayed_in_order_to_the_target() {
        HandoverAwareClient device = topology.device("Cdev1", 1);
        ServingEntry serving = topology.registry.resolve("Cdev1").orElseThrow();
        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("txManual"));
        AeContext context = topology.node(1).export("Cdev1", 10).orElseThrow(); // the source fences from here on

        assertThat(device.send(Topology.uplink("Cdev1", "x")).statusCode()).isEqualTo(ResponseStatusCode.ACCEPTED);
        assertThat(device.send(Topology.uplink("Cdev1", "y")).statusCode()).isEqualTo(ResponseStatusCode.ACCEPTED);
        topology.node(2).importContext(context);
        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("txManual").switchedTo("/id-mn2"));
        topology.node(1).servingChanged("Cdev1", serving.migrating("txManual").switchedTo("/id-mn2"));

        assertThat(device.flush()).isZero();

        assertThat(device.outcomes()).extracting(o -> o.response().statusCode())
                .containsExactly(ResponseStatusCode.CREATED, ResponseStatusCode.CREATED, ResponseStatusCode.CREATED);
        assertThat(topology.read(2, "cse-mn2/aeCdev1/data/la").content().path("m2m:cin").path("con").asText())
                .isEqualTo("y");
        assertThat(cnt(2).path("cni").asInt()).isEqualTo(2);
        assertThat(cnt(1).path("cni").asInt()).isZero();
    }

    @Test
    void rolls_back_when_the_target_does_not_trust_the_coordinator() {
        topology.device("Cdev1", 1);
        topology.addNode("/id-mn3", "cse-mn3",
                org.oneedge.handover.token.HandoverTokenIssuer.generateKeyPair());

        HandoverTransaction tx = topology.coordinator.handover("tx1", "Cdev1", "/id-mn3");

        assertThat(tx.state()).isEqualTo(TransactionState.ROLLED_BACK);
        assertThat(tx.reason()).isEqualTo(ReasonCode.TARGET_REFUSED);
        ServingEntry entry = topology.registry.resolve("Cdev1").orElseThrow();
        assertThat(entry.state()).isEqualTo(ServingState.SERVING);
        assertThat(entry.servingCseId()).isEqualTo("/id-mn1");
        assertThat(topology.read(1, "cse-mn1/aeCdev1").statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(topology.read(3, "cse-mn3/aeCdev1").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void resume_rolls_back_a_transaction_interrupted_before_the_commit() {
        topology.device("Cdev1", 1);
        ServingEntry serving = topology.registry.resolve("Cdev1").orElseThrow();
        HandoverTransaction crashed = HandoverTransaction.requested("tx1", "Cdev1", "/id-mn1", "/id-mn2", 1)
                .to(TransactionState.PREPARING).to(TransactionState.TRANSFERRING);
        topology.transactions.createIfAbsent(crashed);
        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("tx1"));
        topology.node(2).importContext(topology.node(1).export("Cdev1", 10).orElseThrow());

        assertThat(topology.coordinator.resume()).extracting(HandoverTransaction::state)
                .containsExactly(TransactionState.ROLLED_BACK);

        assertThat(topology.registry.resolve("Cdev1").orElseThrow()).isEqualTo(serving.migrating("tx1").restored());
        assertThat(topology.read(2, "cse-mn2/aeCdev1").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(topology.read(1, "cse-mn1/aeCdev1").statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(topology.transactions.unfinished()).isEmpty();
    }

    @Test
    void resume_completes_a_transaction_interrupted_after_the_commit() {
        topology.device("Cdev1", 1);
        ServingEntry serving = topology.registry.resolve("Cdev1").orElseThrow();
        topology.transactions.createIfAbsent(HandoverTransaction.requested("tx1", "Cdev1", "/id-mn1", "/id-mn2", 1)
                .to(TransactionState.PREPARING).to(TransactionState.TRANSFERRING));
        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("tx1"));
        topology.node(2).importContext(topology.node(1).export("Cdev1", 10).orElseThrow());
        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("tx1").switchedTo("/id-mn2"));

        assertThat(topology.coordinator.resume()).extracting(HandoverTransaction::state)
                .containsExactly(TransactionState.COMPLETED);

        assertThat(topology.read(1, "cse-mn1/aeCdev1").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(topology.read(2, "cse-mn2/aeCdev1").statusCode()).isEqualTo(ResponseStatusCode.OK);
    }

    @Test
    void a_second_handover_from_a_stale_epoch_is_refused() {
        topology.device("Cdev1", 1);
        topology.coordinator.handover("tx1", "Cdev1", "/id-mn2");

        HandoverTransaction back = topology.coordinator.handover("tx2", "Cdev1", "/id-mn1");

        assertThat(back.state()).isEqualTo(TransactionState.COMPLETED);
        assertThat(back.epoch()).isEqualTo(2);
        assertThat(topology.registry.resolve("Cdev1").orElseThrow().epoch()).isEqualTo(3);
        assertThat(topology.node(2).send(Topology.request(Operation.CREATE, "-/aeCdev1", "Cdev1")
                .vendorInformation("oe-epoch=2").build()).statusCode())
                .isEqualTo(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY);
    }
}
