package org.oneedge.handover.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.InProcessCse;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class FencedCseClientTest {

    private final InProcessCse mn1 = InProcessCse.mn(1);
    private final InMemoryServingRegistry registry = new InMemoryServingRegistry();
    private final FencedCseClient fenced = new FencedCseClient(mn1.cse, new FencingGuard("/id-mn1", registry));

    @AfterEach
    void close() {
        mn1.close();
    }

    private Response createContainer(String vsi) {
        return fenced.send(Request.builder().operation(Operation.CREATE).to("cse-mn1/dev").from("Cdev1")
                .releaseVersion("3").requestId("r1").resourceType(ResourceType.CONTAINER).vendorInformation(vsi)
                .content(ContentCodec.parse("{\"m2m:cnt\":{\"rn\":\"data\"}}")).build());
    }

    private void givenDeviceRegisteredAtMn1() {
        assertThat(mn1.registerAe("Cdev1", "dev").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        registry.compareAndSet("Cdev1", ServingRegistry.ABSENT, ServingEntry.registered("Cdev1", "/id-mn1"));
    }

    @Test
    void accepts_writes_at_the_serving_cse() {
        givenDeviceRegisteredAtMn1();
        assertThat(createContainer("oe-epoch=1").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    @Test
    void rejects_writes_at_a_cse_that_no_longer_serves_the_ae_naming_the_epoch() {
        givenDeviceRegisteredAtMn1();
        ServingEntry e = registry.resolve("Cdev1").orElseThrow();
        registry.compareAndSet("Cdev1", 1, e.migrating("tx1"));
        registry.compareAndSet("Cdev1", 1, e.migrating("tx1").switchedTo("/id-mn2"));

        Response r = createContainer(null);

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY);
        assertThat(r.debugMessage()).contains("/id-mn2").contains("epoch 2").contains("/id-mn1 is fenced");
        assertThat(mn1.admin().retrieve("cse-mn1/dev/data").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void rejects_writes_carrying_a_stale_epoch() {
        givenDeviceRegisteredAtMn1();
        ServingEntry e = registry.resolve("Cdev1").orElseThrow();
        registry.compareAndSet("Cdev1", 1, e.migrating("tx1"));
        registry.compareAndSet("Cdev1", 1, e.migrating("tx1").switchedTo("/id-mn2"));
        registry.compareAndSet("Cdev1", 2, registry.resolve("Cdev1").orElseThrow().migrating("tx2"));
        registry.compareAndSet("Cdev1", 2,
                registry.resolve("Cdev1").orElseThrow().switchedTo("/id-mn1"));

        Response r = createContainer("oe-epoch=1");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(r.debugMessage()).contains("stale epoch 1").contains("is 3");
    }

    @Test
    void reads_pass_and_aes_outside_handover_control_are_not_fenced() {
        assertThat(mn1.registerAe("Cother", "other").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        Response read = fenced.send(Request.builder().operation(Operation.RETRIEVE).to("cse-mn1/other")
                .from("Cother").releaseVersion("3").requestId("r2").build());
        assertThat(read.statusCode()).isEqualTo(ResponseStatusCode.OK);
    }
}
