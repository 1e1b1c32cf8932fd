package org.oneedge.binding.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.ResourceType;

/**
 * Request-primitive rules a curl tester checks (scripts/curl-scenario-cse.sh), over real HTTP on a real CSE:
 * {@code ty} in {@code Content-Type} is not permitted on UPDATE (digest §2.1: M on CREATE, NP otherwise) and
 * {@code rcn=7} is only valid on an announced resource (digest §2.5); both are 4000 with {@code m2m:dbg} and change
 * nothing. {@code rcn=12} (permissions, a Release 4 value without a defined result content) is 4000 too;
 * {@code Content-Location} comes only with rcn 2/3 (digest §2.2); a generated {@code ri} that meets a row of an earlier
 * run is replaced by a new one instead of failing the CREATE.
 */
class PrimitiveRulesOverHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicLong RQI = new AtomicLong();
    private static Cse cse;
    private static InMemoryResourceStore store;
    private static HttpBindingServer server;

    @BeforeAll
    static void givenACseServingHttpWithAContainer() throws Exception {
        store = new InMemoryResourceStore();
        cse = Cse.builder().store(store).build();
        cse.start();
        server = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(), cse);
        server.start();
        assertThat(send("POST", "/cse-in", "application/json;ty=3", "{\"m2m:cnt\":{\"rn\":\"box\",\"lbl\":[\"a\"]}}")
                .statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
        cse.close();
    }

    @Test
    void an_update_with_ty_in_content_type_is_refused_and_changes_nothing() throws Exception {
        HttpResponse<String> r = send("PUT", "/cse-in/box", "application/json;ty=3", "{\"m2m:cnt\":{\"lbl\":[\"b\"]}}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("X-M2M-RSC")).contains("4000");
        assertThat(JSON.readTree(r.body()).path("m2m:dbg").asText()).contains("ty");
        JsonNode box = JSON.readTree(send("GET", "/cse-in/box", null, null).body()).path("m2m:cnt");
        assertThat(box.path("lbl").get(0).asText()).isEqualTo("a");
        assertThat(send("PUT", "/cse-in/box", "application/json", "{\"m2m:cnt\":{\"lbl\":[\"b\"]}}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void rcn_7_on_a_resource_that_is_not_announced_is_refused() throws Exception {
        HttpResponse<String> r = send("GET", "/cse-in/box?rcn=7", null, null);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("X-M2M-RSC")).contains("4000");
        assertThat(JSON.readTree(r.body()).path("m2m:dbg").asText()).contains("announced");
    }

    @Test
    void rcn_12_is_refused_with_a_message_and_creates_nothing() throws Exception {
        HttpResponse<String> retrieve = send("GET", "/cse-in/box?rcn=12", null, null);
        assertThat(retrieve.statusCode()).isEqualTo(400);
        assertThat(retrieve.headers().firstValue("X-M2M-RSC")).contains("4000");
        assertThat(JSON.readTree(retrieve.body()).path("m2m:dbg").asText()).contains("rcn=12");

        HttpResponse<String> create = send("POST", "/cse-in/box?rcn=12", "application/json;ty=3",
                "{\"m2m:cnt\":{\"rn\":\"perm\"}}");
        assertThat(create.headers().firstValue("X-M2M-RSC")).contains("4000");
        assertThat(JSON.readTree(create.body()).path("m2m:dbg").asText()).contains("rcn=12");
        assertThat(send("GET", "/cse-in/box/perm", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void content_location_comes_only_with_rcn_2_or_3() throws Exception {
        HttpResponse<String> attributes = send("POST", "/cse-in/box", "application/json;ty=3",
                "{\"m2m:cnt\":{\"rn\":\"loc1\"}}");
        HttpResponse<String> address = send("POST", "/cse-in/box?rcn=2", "application/json;ty=3",
                "{\"m2m:cnt\":{\"rn\":\"loc2\"}}");
        HttpResponse<String> both = send("POST", "/cse-in/box?rcn=3", "application/json;ty=3",
                "{\"m2m:cnt\":{\"rn\":\"loc3\"}}");
        HttpResponse<String> nothing = send("POST", "/cse-in/box?rcn=0", "application/json;ty=3",
                "{\"m2m:cnt\":{\"rn\":\"loc4\"}}");

        assertThat(attributes.statusCode()).isEqualTo(201);
        assertThat(attributes.headers().firstValue("Content-Location")).isEmpty();
        assertThat(nothing.headers().firstValue("Content-Location")).isEmpty();
        assertThat(address.headers().firstValue("Content-Location")).contains("cse-in/box/loc2");
        assertThat(both.headers().firstValue("Content-Location")).contains("cse-in/box/loc3");
    }

    @Test
    void a_generated_ri_taken_by_a_row_of_an_earlier_run_is_replaced_instead_of_failing() throws Exception {
        JsonNode first = JSON.readTree(send("POST", "/cse-in/box", "application/json;ty=3",
                "{\"m2m:cnt\":{\"rn\":\"run1\"}}").body()).path("m2m:cnt");
        String next = "cnt" + (Long.parseLong(first.path("ri").asText().substring(3)) + 1);
        Resource box = store.getByPath("cse-in/box").orElseThrow();
        Instant then = Instant.parse("2020-01-01T00:00:00Z");
        store.apply(new Write.Create(new Resource(next, box.ri(), ResourceType.CONTAINER, "earlier",
                "cse-in/box/earlier", then, then, null, (com.fasterxml.jackson.databind.node.ObjectNode)
                ContentCodec.parse("{\"ri\":\"" + next + "\",\"rn\":\"earlier\",\"pi\":\"" + box.ri()
                        + "\",\"ty\":3,\"ct\":\"20200101T000000\",\"lt\":\"20200101T000000\",\"st\":0,"
                        + "\"cni\":0,\"cbs\":0,\"lbl\":[\"old\"]}"))));

        HttpResponse<String> created = send("POST", "/cse-in/box", "application/json;ty=3",
                "{\"m2m:cnt\":{\"rn\":\"run2\"}}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).at("/m2m:cnt/ri").asText()).isNotEqualTo(next).startsWith("cnt");
        JsonNode earlier = JSON.readTree(send("GET", "/cse-in/box/earlier", null, null).body()).path("m2m:cnt");
        assertThat(earlier.path("ri").asText()).isEqualTo(next);
        assertThat(earlier.path("lbl").get(0).asText()).isEqualTo("old");
        assertThat(send("GET", "/cse-in/box/run2", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_name_clash_is_still_4105_with_a_message_and_changes_nothing() throws Exception {
        assertThat(send("POST", "/cse-in/box", "application/json;ty=3", "{\"m2m:cnt\":{\"rn\":\"twice\","
                + "\"lbl\":[\"first\"]}}").statusCode()).isEqualTo(201);
        HttpResponse<String> again = send("POST", "/cse-in/box", "application/json;ty=3",
                "{\"m2m:cnt\":{\"rn\":\"twice\",\"lbl\":[\"second\"]}}");

        assertThat(again.headers().firstValue("X-M2M-RSC")).contains("4105");
        assertThat(JSON.readTree(again.body()).path("m2m:dbg").asText()).contains("twice");
        assertThat(JSON.readTree(send("GET", "/cse-in/box/twice", null, null).body()).at("/m2m:cnt/lbl/0").asText())
                .isEqualTo("first");
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("X-M2M-Origin", "CAdmin").header("X-M2M-RI", "rq-" + RQI.incrementAndGet())
                .header("X-M2M-RVI", "3").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
