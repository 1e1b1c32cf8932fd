package org.oneedge.handover.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.InProcessCse;
import org.oneedge.model.ResponseStatusCode;

class CseServingRegistryTest extends ServingRegistryContract {

    private final InProcessCse in = InProcessCse.in();
    private final CseServingRegistry registry;

    CseServingRegistryTest() {
        assertThat(in.registerAe("CoeHandover", "oeHandover").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        registry = new CseServingRegistry(in.as("CoeHandover"), "cse-in/oeHandover");
    }

    @AfterEach
    void close() {
        in.close();
    }

    @Override
    ServingRegistry registry() {
        return registry;
    }

    @Test
    void entries_are_flex_containers_anyone_can_retrieve() {
        registry.compareAndSet("Cdev1", ServingRegistry.ABSENT, ServingEntry.registered("Cdev1", "/id-mn1"));

        var r = in.admin().retrieve("cse-in/oeHandover/sr-Cdev1");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(r.content().path("oe:hoSrv").path("cnd").asText()).isEqualTo("org.oneedge.handover.serving");
        assertThat(r.content().path("oe:hoSrv").path("scsi").asText()).isEqualTo("/id-mn1");
        assertThat(r.content().path("oe:hoSrv").path("epoch").asLong()).isEqualTo(1);
    }
}
