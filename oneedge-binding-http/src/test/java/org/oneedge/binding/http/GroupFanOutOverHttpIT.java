package org.oneedge.binding.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** A group's fanOutPoint over real HTTP: 100 members on one CSE, and members on a second CSE via the Forwarder. */
class GroupFanOutOverHttpIT {

    private final List<AutoCloseable> running = new ArrayList<>();
    private final AtomicLong rqi = new AtomicLong();

    @AfterEach
    void stopAll() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    /** A started CSE with an HTTP server on a free loopback port; returns an HTTP client to it. */
    private HttpCseClient givenCseOverHttp(Cse.Builder builder) {
        Cse cse = builder.build();
        cse.start();
        running.add(cse);
        HttpBindingServer server = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(), cse);
        server.start();
        running.add(server);
        HttpCseClient client = new HttpCseClient(server.baseUrl());
        running.add(client);
        return client;
    }

    private Response send(CseClient client, Operation op, String to, String from, ResourceType ty, String json) {
        Request.Builder r = Request.builder().operation(op).to(to).from(from).releaseVersion("3")
                .requestId("rq" + rqi.incrementAndGet());
        if (ty != null) {
            r.resourceType(ty);
        }
        if (json != null) {
            r.content(ContentCodec.parse(json));
        }
        return client.send(r.build());
    }

    @Test
    void fans_a_create_and_a_retrieve_out_to_100_members() {
        HttpCseClient http = givenCseOverHttp(Cse.builder());
        assertThat(send(http, Operation.CREATE, "cse-in", "Cae1", ResourceType.AE,
                "{\"m2m:ae\":{\"rn\":\"AE1\",\"api\":\"Nfan\",\"rr\":true,\"srv\":[\"3\"]}}").statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
        StringBuilder mid = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            assertThat(send(http, Operation.CREATE, "cse-in/AE1", "Cae1", ResourceType.CONTAINER,
                    "{\"m2m:cnt\":{\"rn\":\"c" + i + "\"}}").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            mid.append(i == 0 ? "" : ",").append("\"cse-in/AE1/c").append(i).append('"');
        }
        Response group = send(http, Operation.CREATE, "cse-in/AE1", "Cae1", ResourceType.GROUP,
                "{\"m2m:grp\":{\"rn\":\"all\",\"mt\":3,\"csy\":2,\"mnm\":100,\"mid\":[" + mid + "]}}");
        assertThat(group.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(group.content().at("/m2m:grp/cnm").asInt()).isEqualTo(100);

        Response created = send(http, Operation.CREATE, "cse-in/AE1/all/fopt", "Cae1",
                ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"22.5\"}}");
        Response latest = send(http, Operation.RETRIEVE, "cse-in/AE1/all/fopt/la", "Cae1", null, null);

        assertThat(created.statusCode()).isEqualTo(ResponseStatusCode.OK);
        JsonNode createAnswers = created.content().at("/m2m:agr/m2m:rsp");
        assertThat(createAnswers).hasSize(100).allSatisfy(r -> assertThat(r.get("rsc").asInt()).isEqualTo(2001));
        JsonNode answers = latest.content().at("/m2m:agr/m2m:rsp");
        assertThat(answers).hasSize(100);
        Set<String> members = new HashSet<>();
        for (JsonNode r : answers) {
            assertThat(r.get("rsc").asInt()).isEqualTo(2000);
            assertThat(r.at("/pc/m2m:cin/con").asText()).isEqualTo("22.5");
            members.add(r.get("fr").asText());
        }
        assertThat(members).hasSize(100).contains("cse-in/AE1/c0", "cse-in/AE1/c99");
    }

    @Test
    void members_on_another_cse_are_reached_through_the_forwarder() {
        HttpCseClient mn = givenCseOverHttp(Cse.builder().config(CseConfig.defaults().withCseId("/id-mn")
                .withCseBaseName("cse-mn")));
        assertThat(send(mn, Operation.CREATE, "cse-mn", "CAdmin", ResourceType.CONTAINER,
                "{\"m2m:cnt\":{\"rn\":\"remote\"}}").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        HttpCseClient in = givenCseOverHttp(Cse.builder().forwarder((request, target) ->
                target.cseId().equals("/id-mn") ? mn.send(request)
                        : Response.error(ResponseStatusCode.NOT_FOUND, "unknown CSE " + target.cseId())));
        send(in, Operation.CREATE, "cse-in", "CAdmin", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"local\"}}");
        assertThat(send(in, Operation.CREATE, "cse-in", "CAdmin", ResourceType.GROUP,
                "{\"m2m:grp\":{\"rn\":\"g\",\"mnm\":3,\"mid\":[\"cse-in/local\",\"/id-mn/cse-mn/remote\","
                        + "\"/id-xx/cse-xx/gone\"]}}").statusCode()).isEqualTo(ResponseStatusCode.CREATED);

        Response r = send(in, Operation.RETRIEVE, "cse-in/g/fopt", "CAdmin", null, null);

        JsonNode answers = r.content().at("/m2m:agr/m2m:rsp");
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).at("/pc/m2m:cnt/rn").asText()).isEqualTo("local");
        assertThat(answers.get(1).get("fr").asText()).isEqualTo("/id-mn/cse-mn/remote");
        assertThat(answers.get(1).at("/pc/m2m:cnt/rn").asText()).isEqualTo("remote");
        assertThat(answers.get(2).get("rsc").asInt()).isEqualTo(4004);
    }
}
