package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.model.ResponseStatusCode;

/** The same handover with the serving registry stored as oneM2M resources at the IN-CSE. */
class HandoverWithRegistryAtInTest {

    private final Topology topology = new Topology(2, 5, true);

    @AfterEach
    void close() {
        topology.close();
    }

    @Test
    void the_registry_resource_at_the_in_cse_names_the_target_after_the_handover() {
        HandoverAwareClient device = topology.device("Cdev1", 1);
        device.send(Topology.uplink("Cdev1", "a"));

        assertThat(topology.coordinator.handover("tx1", "Cdev1", "/id-mn2").state())
                .isEqualTo(TransactionState.COMPLETED);

        var entry = topology.in.admin().retrieve("cse-in/oeHandover/sr-Cdev1").content().path("oe:hoSrv");
        assertThat(entry.path("scsi").asText()).isEqualTo("/id-mn2");
        assertThat(entry.path("epoch").asLong()).isEqualTo(2);
        assertThat(entry.path("state").asText()).isEqualTo("SERVING");
        assertThat(device.send(Topology.uplink("Cdev1", "b")).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(topology.read(2, "cse-mn2/aeCdev1/data").content().path("m2m:cnt").path("cni").asInt())
                .isEqualTo(2);
    }
}
