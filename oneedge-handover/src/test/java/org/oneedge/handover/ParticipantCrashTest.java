package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.context.AeContext;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.handover.token.HandoverTokenIssuer;
import org.oneedge.handover.token.TokenVerification;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.ReasonCode;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.handover.continuity.DownlinkRouter;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/**
 * A participant that dies during a handover (found by the bench's HandoverCrashMatrixIT, which SIGKILLs the MN-CSEs):
 * the coordinator still ends the transaction and gives the AE back to the source, and a node restarted after such a
 * crash drops the copy the registry shows served elsewhere.
 */
class ParticipantCrashTest {

    private final Topology topology = new Topology(2);

    @AfterEach
    void close() {
        topology.close();
    }

    @Test
    void a_target_that_cannot_be_reached_for_the_token_rolls_the_handover_back() {
        topology.device("Cdev1", 1);
        HandoverCoordinator coordinator = coordinatorWithTarget(new Down(topology.node(2), Down.Step.ADMIT));

        HandoverTransaction tx = coordinator.handover("tx1", "Cdev1", "/id-mn2");

        assertThat(tx.state()).isEqualTo(TransactionState.ROLLED_BACK);
        assertThat(tx.reason()).isEqualTo(ReasonCode.TARGET_REFUSED);
        assertServedAtTheSourceOnly();
    }

    @Test
    void a_target_dying_during_the_import_rolls_back_and_the_source_keeps_its_uplink_window() {
        HandoverAwareClient device = topology.device("Cdev1", 1);
        assertThat(device.send(Topology.uplink("Cdev1", "v1")).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        HandoverCoordinator coordinator = coordinatorWithTarget(new Down(topology.node(2), Down.Step.IMPORT));

        HandoverTransaction tx = coordinator.handover("tx1", "Cdev1", "/id-mn2");

        assertThat(tx.state()).isEqualTo(TransactionState.ROLLED_BACK);
        assertThat(tx.reason()).isEqualTo(ReasonCode.TRANSFER_FAILED);
        assertServedAtTheSourceOnly();
        // request 2 (the uplink) was applied before the export: the window came back, so a replay is not stored again
        assertThat(topology.node(1).send(Topology.uplink("Cdev1", "v1").toBuilder().requestId("Cdev1#2")
                .vendorInformation(org.oneedge.handover.registry.FencedCseClient.EPOCH_PREFIX + 1).build()).statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(topology.read(1, "cse-mn1/aeCdev1/data").content().path("m2m:cnt").path("cni").asInt())
                .isEqualTo(1);
    }

    @Test
    void resume_rolls_back_although_the_target_is_down() {
        topology.device("Cdev1", 1);
        ServingEntry serving = topology.registry.resolve("Cdev1").orElseThrow();
        topology.transactions.createIfAbsent(HandoverTransaction.requested("tx1", "Cdev1", "/id-mn1", "/id-mn2", 1)
                .to(TransactionState.PREPARING).to(TransactionState.TRANSFERRING));
        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("tx1"));

        assertThat(coordinatorWithTarget(new Down(topology.node(2), null)).resume())
                .extracting(HandoverTransaction::state, HandoverTransaction::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TransactionState.ROLLED_BACK,
                        ReasonCode.INTERRUPTED));
        assertThat(topology.registry.resolve("Cdev1").orElseThrow().state()).isEqualTo(ServingState.SERVING);
    }

    @Test
    void a_restarted_node_drops_an_ae_the_registry_shows_served_elsewhere_and_keeps_its_own() {
        topology.device("Cdev1", 1);
        AeContext context = topology.node(1).export("Cdev1", 10).orElseThrow();
        topology.node(1).restoreWindow(context);
        topology.node(2).importContext(context); // an import whose rollback the crashed target never heard of

        assertThat(topology.node(2).reconcile()).containsExactly("Cdev1");
        assertThat(topology.node(1).reconcile()).isEmpty();

        assertThat(topology.node(2).hosts("Cdev1")).isFalse();
        assertThat(topology.node(1).hosts("Cdev1")).isTrue();
    }

    @Test
    void a_restarted_node_leaves_an_ae_that_is_migrating_to_its_coordinator() {
        topology.device("Cdev1", 1);
        ServingEntry serving = topology.registry.resolve("Cdev1").orElseThrow();
        topology.registry.compareAndSet("Cdev1", 1, serving.migrating("tx1"));
        topology.node(2).importContext(topology.node(1).export("Cdev1", 10).orElseThrow());

        assertThat(topology.node(2).reconcile()).isEmpty();
        assertThat(topology.node(2).hosts("Cdev1")).isTrue();
    }

    @Test
    void a_source_dead_after_the_switch_fails_its_cleanup_and_the_held_downlinks_still_reach_the_target() {
        topology.device("Cdev1", 1);
        Down source = new Down(topology.node(1), Down.Step.RELEASE);
        DownlinkRouter router = new DownlinkRouter(topology.registry, id -> topology.nodes.get(id), Clock.systemUTC(),
                10, Duration.ofMinutes(1));
        HandoverCoordinator coordinator = new HandoverCoordinator(topology.registry, topology.transactions,
                new HandoverTokenIssuer(topology.coordinatorKeys.getPrivate(), Clock.systemUTC(),
                        Duration.ofSeconds(30)),
                id -> id.equals("/id-mn1") ? Optional.of(source) : Optional.ofNullable(topology.nodes.get(id)),
                Clock.systemUTC(), 10).downlinks(router);
        coordinator.afterSnapshot(() -> assertThat(router.send("Cdev1", downlink("d1")).statusCode())
                .isEqualTo(ResponseStatusCode.ACCEPTED));

        HandoverTransaction tx = coordinator.handover("tx1", "Cdev1", "/id-mn2");

        assertThat(tx.state()).isEqualTo(TransactionState.FAILED);
        assertThat(tx.reason()).isEqualTo(ReasonCode.SOURCE_CLEANUP_FAILED);
        assertThat(router.send("Cdev1", downlink("d2")).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(topology.read(2, "cse-mn2/aeCdev1/data").content().path("m2m:cnt").path("cni").asInt())
                .isEqualTo(2);
    }

    private static Request downlink(String value) {
        return Topology.request(Operation.CREATE, "-/aeCdev1/data", "Capp").resourceType(ResourceType.CONTENT_INSTANCE)
                .content(ContentCodec.parse("{\"m2m:cin\":{\"con\":\"" + value + "\"}}")).build();
    }

    private void assertServedAtTheSourceOnly() {
        ServingEntry entry = topology.registry.resolve("Cdev1").orElseThrow();
        assertThat(entry.state()).isEqualTo(ServingState.SERVING);
        assertThat(entry.servingCseId()).isEqualTo("/id-mn1");
        assertThat(topology.node(1).hosts("Cdev1")).isTrue();
        assertThat(topology.transactions.unfinished()).isEmpty();
    }

    private HandoverCoordinator coordinatorWithTarget(HandoverParticipant target) {
        return new HandoverCoordinator(topology.registry, topology.transactions,
                new HandoverTokenIssuer(topology.coordinatorKeys.getPrivate(), Clock.systemUTC(),
                        Duration.ofSeconds(30)),
                id -> id.equals("/id-mn2") ? Optional.of(target) : Optional.ofNullable(topology.nodes.get(id)),
                Clock.systemUTC(), 10);
    }

    /**
     * A node whose process dies at {@code step} (null: is down from the start): from then on every call fails as an
     * unreachable CSE would.
     */
    private static final class Down implements HandoverParticipant {

        enum Step { ADMIT, IMPORT, RELEASE }

        private final HandoverNode node;
        private final Step step;
        private boolean dead;

        Down(HandoverNode node, Step step) {
            this.node = node;
            this.step = step;
            this.dead = step == null;
        }

        private void call(Step now) {
            if (now == step) {
                dead = true;
            }
            if (dead) {
                throw new OneM2MException(ResponseStatusCode.TARGET_NOT_REACHABLE, node.cseId() + " is down");
            }
        }

        @Override
        public String cseId() {
            return node.cseId();
        }

        @Override
        public TokenVerification admit(String token, String aeId, long currentEpoch) {
            call(Step.ADMIT);
            return node.admit(token, aeId, currentEpoch);
        }

        @Override
        public Optional<AeContext> export(String aeId, int maxInstances) {
            call(null);
            return node.export(aeId, maxInstances);
        }

        @Override
        public int importContext(AeContext context) {
            call(Step.IMPORT);
            return node.importContext(context);
        }

        @Override
        public boolean release(String aeId) {
            call(Step.RELEASE);
            return node.release(aeId);
        }

        @Override
        public boolean hosts(String aeId) {
            call(null);
            return node.hosts(aeId);
        }

        @Override
        public void restoreWindow(AeContext context) {
            call(null);
            node.restoreWindow(context);
        }
    }
}
