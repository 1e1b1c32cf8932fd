package org.oneedge.binding.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;

/**
 * Request-primitive rules a curl tester checks (scripts/curl-scenario-cse.sh), over real HTTP on a real CSE:
 * {@code ty} in {@code Content-Type} is not permitted on UPDATE (digest §2.1: M on CREATE, NP otherwise) and
 * {@code rcn=7} is only valid on an announced resource (digest §2.5); both are 4000 with {@code m2m:dbg} and change
 * nothing.
 */
class PrimitiveRulesOverHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicLong RQI = new AtomicLong();
    private static Cse cse;
    private static HttpBindingServer server;

    @BeforeAll
    static void givenACseServingHttpWithAContainer() throws Exception {
        cse = Cse.builder().build();
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
