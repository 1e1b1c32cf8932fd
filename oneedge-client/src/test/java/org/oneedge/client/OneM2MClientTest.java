package org.oneedge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.oneedge.model.CseClient;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class OneM2MClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fake CSE: answers from a script, records what it was sent. */
    private static final class ScriptedCse implements CseClient {
        final List<Request> sent = new CopyOnWriteArrayList<>();
        final Deque<Response> answers = new ArrayDeque<>();

        ScriptedCse answer(ResponseStatusCode rsc, String json) {
            answers.add(Response.of(rsc, json == null ? null : json(json)));
            return this;
        }

        @Override
        public Response send(Request request) {
            sent.add(request);
            return answers.isEmpty() ? Response.of(ResponseStatusCode.OK, null) : answers.poll();
        }

        Request last() {
            return sent.get(sent.size() - 1);
        }
    }

    private final ScriptedCse cse = new ScriptedCse();
    private final OneM2MClient client = OneM2MClient.builder(cse).build();

    @Test
    void registers_an_ae_and_uses_its_ae_id_as_originator_afterwards() {
        cse.answer(ResponseStatusCode.CREATED, "{\"m2m:ae\":{\"rn\":\"sensor\",\"ri\":\"Csensor1\",\"aei\":\"Csensor1\"}}")
                .answer(ResponseStatusCode.CREATED, "{\"m2m:cnt\":{\"rn\":\"temp\",\"ri\":\"cnt1\"}}");

        String aeId = client.registerAe("sensor", "Nsensor", true, List.of("http://127.0.0.1:9000/notify"));

        Request registration = cse.sent.get(0);
        assertThat(aeId).isEqualTo("Csensor1");
        assertThat(registration.operation()).isEqualTo(Operation.CREATE);
        assertThat(registration.resourceType()).isEqualTo(2);
        assertThat(registration.to()).isEqualTo("cse-in");
        assertThat(registration.from()).isEqualTo("C");
        assertThat(registration.releaseVersion()).isEqualTo("3");
        assertThat(registration.content()).isEqualTo(json("""
                {"m2m:ae":{"rn":"sensor","api":"Nsensor","rr":true,"poa":["http://127.0.0.1:9000/notify"],"srv":["3"]}}
                """));
        assertThat(client.aePath()).isEqualTo("cse-in/sensor");

        client.createContainer(client.aePath(), "temp");
        assertThat(cse.last().from()).isEqualTo("Csensor1");
        assertThat(cse.last().requestId()).isEqualTo("Csensor1-2");
    }

    @Test
    void request_ids_are_a_fresh_monotonic_sequence_per_client() {
        client.delete("cse-in/a");
        client.delete("cse-in/b");
        client.delete("cse-in/c");

        assertThat(cse.sent).extracting(Request::requestId).containsExactly("C-1", "C-2", "C-3");
    }

    @Test
    void creates_a_container_with_options_and_returns_its_path() {
        cse.answer(ResponseStatusCode.CREATED, "{\"m2m:cnt\":{\"rn\":\"temp\",\"ri\":\"cnt7\",\"mni\":10}}");

        RemoteResource cnt = client.createContainer("cse-in/sensor", "temp",
                ContainerOptions.maxInstances(10).withLabels(List.of("room:1")));

        assertThat(cse.last().resourceType()).isEqualTo(ResourceType.CONTAINER.ty());
        assertThat(cse.last().to()).isEqualTo("cse-in/sensor");
        assertThat(cse.last().content().toString())
                .isEqualTo("{\"m2m:cnt\":{\"rn\":\"temp\",\"mni\":10,\"lbl\":[\"room:1\"]}}");
        assertThat(cnt.path()).isEqualTo("cse-in/sensor/temp");
        assertThat(cnt.ri()).isEqualTo("cnt7");
        assertThat(cnt.type()).contains(ResourceType.CONTAINER);
    }

    @Test
    void creates_a_content_instance_and_reads_the_latest() {
        cse.answer(ResponseStatusCode.CREATED, "{\"m2m:cin\":{\"rn\":\"cin1\",\"con\":\"21.5\"}}")
                .answer(ResponseStatusCode.OK, "{\"m2m:cin\":{\"rn\":\"cin1\",\"con\":\"21.5\"}}");

        client.createContentInstance("cse-in/sensor/temp", "21.5");
        assertThat(cse.last().content()).isEqualTo(json("{\"m2m:cin\":{\"con\":\"21.5\"}}"));
        assertThat(cse.last().resourceType()).isEqualTo(4);

        RemoteResource latest = client.latest("cse-in/sensor/temp");
        assertThat(cse.last().operation()).isEqualTo(Operation.RETRIEVE);
        assertThat(cse.last().to()).isEqualTo("cse-in/sensor/temp/la");
        assertThat(latest.con()).isEqualTo("21.5");
        assertThat(latest.path()).isEqualTo("cse-in/sensor/temp/cin1");
    }

    @Test
    void updates_and_deletes() {
        cse.answer(ResponseStatusCode.UPDATED, "{\"m2m:cnt\":{\"rn\":\"temp\",\"mni\":5}}")
                .answer(ResponseStatusCode.DELETED, null);

        RemoteResource updated = client.update("cse-in/sensor/temp", ResourceType.CONTAINER,
                JSON.createObjectNode().put("mni", 5));
        client.delete("cse-in/sensor/temp");

        assertThat(cse.sent.get(0).operation()).isEqualTo(Operation.UPDATE);
        assertThat(cse.sent.get(0).content()).isEqualTo(json("{\"m2m:cnt\":{\"mni\":5}}"));
        assertThat(updated.get("mni").asInt()).isEqualTo(5);
        assertThat(cse.sent.get(1).operation()).isEqualTo(Operation.DELETE);
        assertThat(cse.sent.get(1).content()).isNull();
    }

    @Test
    void discovery_sets_filter_usage_1_and_returns_the_uri_list() {
        cse.answer(ResponseStatusCode.OK, "{\"m2m:uril\":[\"cse-in/a/cnt1\",\"cse-in/b/cnt2\"]}");

        List<String> found = client.discover("cse-in", ResourceType.CONTAINER);

        assertThat(found).containsExactly("cse-in/a/cnt1", "cse-in/b/cnt2");
        FilterCriteria fc = cse.last().filterCriteria();
        assertThat(fc.isDiscovery()).isTrue();
        assertThat(fc.resourceTypes()).containsExactly(3);
    }

    @Test
    void subscribe_sends_the_notification_url_and_events() {
        cse.answer(ResponseStatusCode.CREATED, "{\"m2m:sub\":{\"rn\":\"s1\",\"ri\":\"sub1\"}}");

        RemoteResource sub = client.subscribe("cse-in/sensor/temp", "s1", "http://127.0.0.1:9000/notify",
                List.of(NotificationEvent.CREATE_OF_DIRECT_CHILD_RESOURCE, NotificationEvent.DELETE_OF_RESOURCE));

        assertThat(cse.last().resourceType()).isEqualTo(23);
        assertThat(cse.last().content()).isEqualTo(json(
                "{\"m2m:sub\":{\"rn\":\"s1\",\"nu\":[\"http://127.0.0.1:9000/notify\"],\"enc\":{\"net\":[3,2]}}}"));
        assertThat(sub.path()).isEqualTo("cse-in/sensor/temp/s1");
    }

    @Test
    void an_error_status_throws_with_the_response() {
        cse.answer(ResponseStatusCode.NOT_FOUND, "{\"m2m:dbg\":\"resource cse-in/x not found\"}");

        assertThatThrownBy(() -> client.retrieve("cse-in/x"))
                .isInstanceOfSatisfying(RequestFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(ResponseStatusCode.NOT_FOUND);
                    assertThat(e.response().debugMessage()).isEqualTo("resource cse-in/x not found");
                    assertThat(e.getMessage()).isEqualTo(
                            "RETRIEVE cse-in/x failed: 4004 NOT_FOUND: resource cse-in/x not found");
                });
    }

    @Test
    void raw_send_keeps_an_explicit_originator_and_never_throws_for_a_status() {
        cse.answer(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, null);

        Response r = client.send(Request.builder().operation(Operation.RETRIEVE).to("cse-in").from("CAdmin"));

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        assertThat(cse.last().from()).isEqualTo("CAdmin");
        assertThat(cse.last().requestId()).isEqualTo("C-1");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
