package org.oneedge.binding.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.time.Clock;
import java.util.List;
import org.oneedge.binding.http.wire.CborContentCodec;
import org.oneedge.binding.http.wire.JsonContentCodec;
import org.oneedge.binding.http.wire.Ts0009Codec;
import org.oneedge.cse.Cse;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** CBOR beside JSON on a real CSE over real HTTP (TS-0009 6.4.3, TS-0004 8.5). */
class CborOverHttpIT {

    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Cse cse;
    private static HttpBindingServer server;

    @BeforeAll
    static void givenACseServingHttp() {
        cse = Cse.builder().build();
        cse.start();
        server = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(), cse);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        cse.close();
    }

    private static HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body,
                                             String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("X-M2M-Origin", "CAdmin").header("X-M2M-RI", "rq").header("X-M2M-RVI", "3")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void creates_in_cbor_and_answers_in_cbor_or_json_as_accepted() throws Exception {
        byte[] body = CBOR.writeValueAsBytes(JSON.readTree("{\"m2m:cnt\":{\"rn\":\"cborCnt\",\"mni\":5,\"lbl\":[\"a\"]}}"));

        HttpResponse<byte[]> created = send("POST", "/cse-in", "application/vnd.onem2m-res+cbor;ty=3", body, null);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/cbor");
        assertThat(CBOR.readTree(created.body()).at("/m2m:cnt/mni").asInt()).isEqualTo(5);

        HttpResponse<byte[]> asCbor = send("GET", "/cse-in/cborCnt", null, null, "application/cbor");
        assertThat(asCbor.statusCode()).isEqualTo(200);
        assertThat(asCbor.headers().firstValue("Content-Type")).hasValue("application/cbor");
        JsonNode cbor = CBOR.readTree(asCbor.body());
        assertThat(cbor.at("/m2m:cnt/rn").asText()).isEqualTo("cborCnt");
        assertThat(cbor.at("/m2m:cnt/lbl/0").asText()).isEqualTo("a");

        HttpResponse<byte[]> asJson = send("GET", "/cse-in/cborCnt", null, null, "application/json");
        assertThat(asJson.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(asJson.body())).isEqualTo(cbor);

        HttpResponse<byte[]> defaultJson = send("GET", "/cse-in/cborCnt", null, null, null);
        assertThat(defaultJson.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void updates_in_cbor_and_answers_json_when_asked() throws Exception {
        send("POST", "/cse-in", "application/json;ty=3", "{\"m2m:cnt\":{\"rn\":\"upd\"}}".getBytes(), null);
        byte[] body = CBOR.writeValueAsBytes(JSON.readTree("{\"m2m:cnt\":{\"mbs\":100}}"));

        HttpResponse<byte[]> updated = send("PUT", "/cse-in/upd", "application/cbor", body, "application/json");

        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).at("/m2m:cnt/mbs").asInt()).isEqualTo(100);
    }

    @Test
    void malformed_cbor_is_refused_with_4000_naming_the_problem() throws Exception {
        byte[] broken = {(byte) 0xA1, 0x67, 'm', '2', 'm'}; // map of 1, text of 7 bytes cut short

        HttpResponse<byte[]> refused = send("POST", "/cse-in", "application/cbor;ty=3", broken, null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("X-M2M-RSC")).hasValue("4000");
        assertThat(CBOR.readTree(refused.body()).get("m2m:dbg").asText()).contains("malformed CBOR");
    }

    @Test
    void an_accept_that_cannot_be_met_gets_5207() throws Exception {
        HttpResponse<byte[]> refused = send("GET", "/cse-in", null, null, "application/xml");

        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(refused.headers().firstValue("X-M2M-RSC")).hasValue("5207");
    }

    @Test
    void a_client_speaking_cbor_gets_the_same_primitives_as_one_speaking_json() {
        Ts0009Codec cborFirst = new Ts0009Codec(List.of(new CborContentCodec(), new JsonContentCodec()),
                Clock.systemUTC());
        try (HttpCseClient cbor = new HttpCseClient(server.baseUrl(), HttpClientConfig.defaults(), cborFirst);
             HttpCseClient json = new HttpCseClient(server.baseUrl())) {
            Response created = cbor.send(request(Operation.CREATE, "cse-in").resourceType(ResourceType.CONTAINER)
                    .content(ContentCodec.parse("{\"m2m:cnt\":{\"rn\":\"viaClient\",\"mni\":3}}")).build());
            Response instance = cbor.send(request(Operation.CREATE, "cse-in/viaClient")
                    .resourceType(ResourceType.CONTENT_INSTANCE)
                    .content(ContentCodec.parse("{\"m2m:cin\":{\"con\":\"21.5\",\"lbl\":[\"t\"]}}")).build());

            Response viaCbor = cbor.send(request(Operation.RETRIEVE, "cse-in/viaClient/la").build());
            Response viaJson = json.send(request(Operation.RETRIEVE, "cse-in/viaClient/la").build());

            assertThat(created.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            assertThat(instance.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            assertThat(viaCbor.statusCode()).isEqualTo(ResponseStatusCode.OK);
            assertThat(viaCbor.content().at("/m2m:cin/con").asText()).isEqualTo("21.5");
            assertThat(viaCbor.content()).isEqualTo(viaJson.content());
        }
    }

    private static Request.Builder request(Operation op, String to) {
        return Request.builder().operation(op).to(to).from("CAdmin").releaseVersion("3").requestId("c-" + op);
    }
}
