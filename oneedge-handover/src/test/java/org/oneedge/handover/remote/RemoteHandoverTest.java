package org.oneedge.handover.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.HandoverAwareClient;
import org.oneedge.handover.HandoverCoordinator;
import org.oneedge.handover.HandoverNode;
import org.oneedge.handover.TopologyAccess;
import org.oneedge.handover.token.HandoverTokenIssuer;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** The coordinator driving MN-CSEs only through oneM2M requests on {@code oeHoCtl}, as it does across processes. */
class RemoteHandoverTest {

    private final TopologyAccess topology = new TopologyAccess(2);

    @AfterEach
    void close() {
        topology.close();
    }

    private RemoteHandoverParticipant remote(String cseId) {
        HandoverNode node = topology.node(cseId);
        String base = node.cse().config().cseBaseName();
        return new RemoteHandoverParticipant(cseId, base, new HandoverControl(base, node, node, "CoeHandover"),
                "CoeHandover");
    }

    @Test
    void moves_an_ae_with_its_data_through_the_control_resource() {
        HandoverAwareClient device = topology.device("Cdev1", 1);
        for (int i = 1; i <= 3; i++) {
            device.send(topology.uplink("Cdev1", "v" + i));
        }
        HandoverCoordinator coordinator = new HandoverCoordinator(topology.registry(), topology.transactions(),
                new HandoverTokenIssuer(topology.keys().getPrivate(), Clock.systemUTC(), Duration.ofSeconds(30)),
                id -> Optional.of(remote(id)), Clock.systemUTC(), 10);

        HandoverTransaction tx = coordinator.handover("tx1", "Cdev1", "/id-mn2");

        assertThat(tx.state()).isEqualTo(TransactionState.COMPLETED);
        assertThat(tx.figures().transferBytes()).isPositive();
        assertThat(remote("/id-mn2").hosts("Cdev1")).isTrue();
        assertThat(remote("/id-mn1").hosts("Cdev1")).isFalse();
        assertThat(device.send(topology.uplink("Cdev1", "v4")).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(topology.read(2, "cse-mn2/aeCdev1/data").content().path("m2m:cnt").path("cni").asInt())
                .isEqualTo(4);
    }

    @Test
    void refuses_other_originators_and_unknown_operations_and_passes_other_requests_on() {
        HandoverNode node = topology.node("/id-mn1");
        HandoverControl control = new HandoverControl("cse-mn1", node, node, "CoeHandover");
        Request export = Request.builder().operation(Operation.UPDATE).to("cse-mn1/oeHoCtl").from("Cintruder")
                .requestId("r1").releaseVersion("3")
                .content(ContentCodec.parse("{\"oe:hoExport\":{\"aeid\":\"Cdev1\",\"max\":10}}")).build();

        assertThat(control.send(export).statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(control.send(export.toBuilder().from("CoeHandover")
                .content(ContentCodec.parse("{\"oe:hoSteal\":{}}")).build()).statusCode())
                .isEqualTo(ResponseStatusCode.BAD_REQUEST);
        Response base = control.send(Request.builder().operation(Operation.RETRIEVE).to("cse-mn1").from("CAdmin")
                .requestId("r2").releaseVersion("3").build());
        assertThat(base.statusCode()).isEqualTo(ResponseStatusCode.OK);
    }
}
