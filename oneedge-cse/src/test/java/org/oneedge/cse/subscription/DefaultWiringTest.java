package org.oneedge.cse.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class DefaultWiringTest {

    private final RecordingSender sender = new RecordingSender();

    private static Response create(Cse cse, String parent, String from, ResourceType type, String json) {
        return cse.send(Request.builder().operation(Operation.CREATE).to(parent).from(from).requestId("1")
                .releaseVersion("3").resourceType(type).content(ContentCodec.parse(json)).build());
    }

    private static Response retrieve(Cse cse, String to, String from) {
        return cse.send(Request.builder().operation(Operation.RETRIEVE).to(to).from(from).requestId("2")
                .releaseVersion("3").build());
    }

    @Test
    void a_plain_builder_enforces_access_control_and_delivers_notifications() {
        try (Cse cse = Cse.builder().remoteSender(sender).build()) {
            cse.start();
            create(cse, "cse-in", "Cae1", ResourceType.AE,
                    "{\"m2m:ae\":{\"rn\":\"AE1\",\"api\":\"Nx\",\"rr\":true,\"srv\":[\"3\"],\"poa\":[\"http://ae1.test\"]}}");
            create(cse, "cse-in", "Cae2", ResourceType.AE,
                    "{\"m2m:ae\":{\"rn\":\"AE2\",\"api\":\"Nx\",\"rr\":true,\"srv\":[\"3\"]}}");
            assertThat(retrieve(cse, "cse-in/AE1", "Cae2").statusCode())
                    .isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);

            assertThat(create(cse, "cse-in/AE1", "Cae1", ResourceType.SUBSCRIPTION,
                    "{\"m2m:sub\":{\"nu\":[\"Cae1\"],\"enc\":{\"net\":[3]}}}").statusCode())
                    .isEqualTo(ResponseStatusCode.CREATED);
            create(cse, "cse-in/AE1", "Cae1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"c\"}}");
            await().until(() -> sender.notificationsTo("http://ae1.test").size() == 1);
        }
    }

    @Test
    void an_explicit_access_checker_replaces_access_control_policies() {
        try (Cse cse = Cse.builder().accessChecker(AccessChecker.allowAll()).remoteSender(sender).build()) {
            cse.start();
            create(cse, "cse-in", "Cae1", ResourceType.AE,
                    "{\"m2m:ae\":{\"rn\":\"AE1\",\"api\":\"Nx\",\"rr\":true,\"srv\":[\"3\"]}}");
            assertThat(retrieve(cse, "cse-in/AE1", "Cother").statusCode()).isEqualTo(ResponseStatusCode.OK);
        }
    }
}
