package org.oneedge.app.handover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oneedge.handover.registry.FencingDecision;
import org.oneedge.handover.registry.FencingGuard;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class SingleRegistrationTest {

    private static final ServingEntry SERVED_AT_MN2 = ServingEntry.registered("Cdev", "/id-mn1").migrating("tx1")
            .switchedTo("/id-mn2");

    private static Response fencedBy(ServingEntry entry) {
        return FencingGuard.refusal(new FencingDecision.Fenced(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY,
                "AE Cdev is served by " + entry.servingCseId(), entry));
    }

    private static Request create(ResourceType type) {
        return Request.builder().operation(Operation.CREATE).to("cse-mn1").from("Cdev").requestId("r1")
                .releaseVersion("3").resourceType(type).content(ContentCodec.parse(
                        "{\"m2m:ae\":{\"rn\":\"Cdev\",\"api\":\"Nx\",\"rr\":false,\"srv\":[\"3\"]}}")).build();
    }

    @Test
    void refuses_a_second_registration_of_an_ae_served_elsewhere_as_already_registered() {
        Response r = new SingleRegistration(request -> fencedBy(SERVED_AT_MN2)).send(create(ResourceType.AE));

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_ALREADY_REGISTERED);
        assertThat(FencingGuard.named("Cdev", r)).contains(SERVED_AT_MN2);
    }

    @Test
    void keeps_the_write_fence_for_other_requests_of_the_ae() {
        Response r = new SingleRegistration(request -> fencedBy(SERVED_AT_MN2)).send(create(ResourceType.CONTAINER));

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY);
    }

    @Test
    void keeps_the_fence_while_the_ae_migrates() {
        ServingEntry migrating = ServingEntry.registered("Cdev", "/id-mn1").migrating("tx1");

        Response r = new SingleRegistration(request -> fencedBy(migrating)).send(create(ResourceType.AE));

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY);
    }
}
