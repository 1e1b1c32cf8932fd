package org.oneedge.cse.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.subscription.TestNode;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.TimestampCodec;

/** Non-blocking requests and the {@code <request>} resource (digest §8.4), through {@code Cse.send}. */
class NonBlockingRequestTest {

    private static final String AE = "cse-in/AE1";
    private TestNode node;

    @BeforeEach
    void givenAnAe() {
        node = TestNode.start();
        assertThat(node.registerAe("Cae1", "AE1", "http://ae1.example/n").statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
    }

    @AfterEach
    void tearDown() {
        node.close();
    }

    private Request.Builder createContainer(String rn) {
        return node.request(Operation.CREATE, AE, "Cae1").resourceType(ResourceType.CONTAINER)
                .content(ContentCodec.parse("{\"m2m:cnt\":{\"rn\":\"" + rn + "\"}}"));
    }

    private JsonNode requestResource(Response accepted, String from) {
        String ri = accepted.content().get("m2m:uri").asText();
        Response r = node.retrieve(ri, from);
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
        return r.content().get("m2m:req");
    }

    @Test
    void synch_answers_1001_and_the_originator_reads_the_result_from_the_request_resource() {
        Response accepted = node.cse.send(createContainer("c1").responseType(1).build());

        assertThat(accepted.statusCode()).isEqualTo(ResponseStatusCode.ACCEPTED_NON_BLOCKING_SYNCH);
        await().atMost(Duration.ofSeconds(5)).until(() -> requestResource(accepted, "Cae1").get("rs").asInt() == 1);
        JsonNode req = requestResource(accepted, "Cae1");
        assertThat(req.get("op").asInt()).isEqualTo(1);
        assertThat(req.get("tg").asText()).isEqualTo(AE);
        assertThat(req.get("org").asText()).isEqualTo("Cae1");
        assertThat(req.get("ors").get("rsc").asInt()).isEqualTo(2001);
        assertThat(req.get("ors").get("pc").get("m2m:cnt").get("rn").asText()).isEqualTo("c1");
        assertThat(node.retrieve(AE + "/c1", "Cae1").statusCode()).isEqualTo(ResponseStatusCode.OK);
        assertThat(node.retrieve(accepted.content().get("m2m:uri").asText(), "Cother").statusCode())
                .isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
    }

    @Test
    void a_failing_operation_ends_failed_with_its_status_code() {
        node.cse.send(createContainer("dup").build());

        Response accepted = node.cse.send(createContainer("dup").responseType(1).build());

        await().atMost(Duration.ofSeconds(5)).until(() -> requestResource(accepted, "Cae1").get("rs").asInt() == 2);
        assertThat(requestResource(accepted, "Cae1").get("ors").get("rsc").asInt()).isEqualTo(4105);
    }

    @Test
    void asynch_answers_1002_and_notifies_the_result_to_the_given_targets() {
        Response accepted = node.cse.send(createContainer("c2").responseType(2)
                .responseTargets(List.of("http://results.example/r")).build());

        assertThat(accepted.statusCode()).isEqualTo(ResponseStatusCode.ACCEPTED_NON_BLOCKING_ASYNCH);
        await().atMost(Duration.ofSeconds(5)).until(() -> !node.sender.to("http://results.example").isEmpty());
        Request notify = node.sender.to("http://results.example").getFirst();
        assertThat(notify.operation()).isEqualTo(Operation.NOTIFY);
        JsonNode rsp = notify.content().get("m2m:rsp");
        assertThat(rsp.get("rsc").asInt()).isEqualTo(2001);
        assertThat(rsp.get("rqi").asText()).isNotBlank();
        assertThat(rsp.get("pc").get("m2m:cnt").get("rn").asText()).isEqualTo("c2");
    }

    @Test
    void asynch_without_targets_notifies_the_originator() {
        node.cse.send(createContainer("c3").responseType(2).build());

        await().atMost(Duration.ofSeconds(5)).until(() -> !node.sender.to("http://ae1.example").isEmpty());
        assertThat(node.sender.to("http://ae1.example").getFirst().content().get("m2m:rsp").get("rsc").asInt())
                .isEqualTo(2001);
    }

    @Test
    void defers_execution_until_oet() {
        Instant oet = Instant.now().plusSeconds(2);
        Response accepted = node.cse.send(createContainer("later").responseType(1)
                .operationExecutionTime(TimestampCodec.format(oet)).build());

        assertThat(requestResource(accepted, "Cae1").get("rs").asInt()).isEqualTo(3);
        assertThat(node.retrieve(AE + "/later", "Cae1").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                node.retrieve(AE + "/later", "Cae1").statusCode() == ResponseStatusCode.OK);
        assertThat(Instant.now()).isAfterOrEqualTo(oet.minusSeconds(1));
    }

    @Test
    void a_request_expiring_while_pending_fails_with_4008_and_is_not_executed() {
        Response accepted = node.cse.send(createContainer("never").responseType(1)
                .operationExecutionTime("3000").requestExpirationTimestamp("300").build());

        await().atMost(Duration.ofSeconds(5)).until(() -> requestResource(accepted, "Cae1").get("rs").asInt() == 2);
        assertThat(requestResource(accepted, "Cae1").get("ors").get("rsc").asInt()).isEqualTo(4008);
        assertThat(node.retrieve(AE + "/never", "Cae1").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void refuses_an_expired_request_and_client_created_or_updated_request_resources() {
        Response expired = node.cse.send(createContainer("x").responseType(1)
                .requestExpirationTimestamp("20200101T000000").build());
        Response create = node.create("cse-in", "Cae1", ResourceType.REQUEST, "{\"m2m:req\":{}}");
        Response accepted = node.cse.send(createContainer("y").responseType(1).build());
        String ri = accepted.content().get("m2m:uri").asText();
        Response update = node.update(ri, "Cae1", "{\"m2m:req\":{\"rs\":1}}");
        Response nonBlockingRead = node.cse.send(node.request(Operation.RETRIEVE, ri, "Cae1").responseType(1).build());

        assertThat(expired.statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT);
        assertThat(expired.debugMessage()).contains("rqet");
        assertThat(node.retrieve(AE + "/x", "Cae1").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
        assertThat(create.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_NOT_ALLOWED);
        assertThat(update.statusCode()).isEqualTo(ResponseStatusCode.OPERATION_NOT_ALLOWED);
        assertThat(nonBlockingRead.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
    }

    @Test
    void the_originator_may_delete_its_request_resource() {
        Response accepted = node.cse.send(createContainer("z").responseType(1).build());
        String ri = accepted.content().get("m2m:uri").asText();

        assertThat(node.delete(ri, "Cae1").statusCode()).isEqualTo(ResponseStatusCode.DELETED);
        assertThat(node.retrieve(ri, "Cae1").statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
    }
}
