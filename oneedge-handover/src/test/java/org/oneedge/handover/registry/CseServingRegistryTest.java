package org.oneedge.handover.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.InProcessCse;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
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

    @Test
    void the_switch_after_the_move_to_migrating_is_one_update_without_a_read() {
        List<Operation> sent = new ArrayList<>();
        CseClient counting = request -> {
            sent.add(request.operation());
            return in.cse.send(request);
        };
        CseServingRegistry coordinator = new CseServingRegistry(new CseRequests(counting, "CoeHandover"),
                "cse-in/oeHandover");
        ServingEntry serving = ServingEntry.registered("Cdev1", "/id-mn1");
        coordinator.compareAndSet("Cdev1", ServingRegistry.ABSENT, serving);
        coordinator.compareAndSet("Cdev1", 1, serving.migrating("tx1"));
        sent.clear();

        CasResult switched = coordinator.compareAndSet("Cdev1", 1, serving.migrating("tx1").switchedTo("/id-mn2"));

        assertThat(switched.committed()).isTrue();
        assertThat(sent).containsExactly(Operation.UPDATE);
        assertThat(registry.resolve("Cdev1")).contains(serving.migrating("tx1").switchedTo("/id-mn2"));
    }

    @Test
    void a_change_refused_on_the_remembered_entry_is_decided_again_on_a_fresh_read() {
        ServingEntry serving = ServingEntry.registered("Cdev1", "/id-mn1");
        CseServingRegistry other = new CseServingRegistry(in.as("CoeHandover"), "cse-in/oeHandover");
        registry.compareAndSet("Cdev1", ServingRegistry.ABSENT, serving);
        registry.compareAndSet("Cdev1", 1, serving.migrating("tx1"));
        other.compareAndSet("Cdev1", 1, serving.migrating("tx1").restored()); // a writer this instance never saw

        CasResult again = registry.compareAndSet("Cdev1", 1, serving.migrating("tx2"));

        assertThat(again.committed()).isTrue();
        assertThat(registry.resolve("Cdev1")).contains(serving.migrating("tx2"));
    }
}
