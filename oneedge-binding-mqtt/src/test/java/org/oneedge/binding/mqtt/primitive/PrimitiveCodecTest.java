package org.oneedge.binding.mqtt.primitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class PrimitiveCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrimitiveCodec codec = new PrimitiveCodec();

    @Test
    void writes_a_request_with_ts_0004_short_names() throws Exception {
        Request request = Request.builder().operation(Operation.RETRIEVE).to("/id-in/cse-in").from("CAE1")
                .requestId("r1").releaseVersion("3").resultContent(4)
                .filterCriteria(new FilterCriteria(1, null, List.of(3), List.of("a:b"), List.of(),
                        Instant.parse("2026-01-02T03:04:05Z"), null, null, null, null, null, null, null, null, null,
                        List.of(), 10, null, 2, null, Map.of("rn", "cnt*")))
                .desiredIdentifierResultType(2).responseType(2).responseTargets(List.of("/id-in/CAE1"))
                .requestExpirationTimestamp("5000").eventCategory("3").build();

        JsonNode wire = JSON.readTree(codec.encodeRequest(request, Serialization.JSON));

        assertThat(wire).isEqualTo(JSON.readTree("""
                {"op":2,"to":"/id-in/cse-in","fr":"CAE1","rqi":"r1","rvi":"3","rcn":4,
                 "fc":{"fu":1,"ty":[3],"lbl":["a:b"],"crb":"20260102T030405","lim":10,"lvl":2,
                       "atr":[{"nm":"rn","val":"cnt*"}]},
                 "drt":2,"rt":{"rtv":2,"nu":["/id-in/CAE1"]},"ec":3,"rqet":5000}"""));
    }

    @Test
    void carries_a_partial_retrieve_attribute_list_in_pc() throws Exception {
        Request request = Request.builder().operation(Operation.RETRIEVE).to("cse-in/cnt").requestId("r2")
                .attributeList(List.of("rn", "lbl")).build();

        JsonNode wire = JSON.readTree(codec.encodeRequest(request, Serialization.JSON));

        assertThat(wire.get("pc")).isEqualTo(JSON.readTree("{\"m2m:atrl\":[\"rn\",\"lbl\"]}"));
        assertThat(codec.decodeRequest(codec.encodeRequest(request, Serialization.JSON), Serialization.JSON))
                .isEqualTo(request);
    }

    @Test
    void writes_a_response_with_ts_0004_short_names() throws Exception {
        Response response = new Response(ResponseStatusCode.CREATED, "r1", JSON.readTree("{\"m2m:cnt\":{\"rn\":\"c\"}}"),
                "/id-in", "CAE1", "3", null, 1, 2, "20260101T000000");

        JsonNode wire = JSON.readTree(codec.encodeResponse(response, Serialization.JSON));

        assertThat(wire).isEqualTo(JSON.readTree("""
                {"rsc":2001,"rqi":"r1","pc":{"m2m:cnt":{"rn":"c"}},"to":"CAE1","fr":"/id-in","rvi":"3",
                 "ot":"20260101T000000","cnst":1,"cnot":2}"""));
    }

    @Test
    void reads_primitives_from_other_implementations_leniently() {
        String acmeStyle = """
                {"op":"1","to":"/id-in/cse-in","fr":"C","rqi":"x","rvi":"3","ty":"2","rt":3,
                 "fc":{"ty":4,"lbl":"one","cr":"CAdmin"},"pc":{"m2m:ae":{"api":"Nx"}}}""";

        Request r = codec.decodeRequest(acmeStyle.getBytes(StandardCharsets.UTF_8), Serialization.JSON);

        assertThat(r.operation()).isEqualTo(Operation.CREATE);
        assertThat(r.resourceType()).isEqualTo(2);
        assertThat(r.responseType()).isEqualTo(3);
        assertThat(r.filterCriteria().resourceTypes()).containsExactly(4);
        assertThat(r.filterCriteria().labels()).containsExactly("one");
        assertThat(r.filterCriteria().attributes()).containsEntry("cr", "CAdmin");
    }

    @Test
    void refuses_malformed_payloads_with_bad_request_saying_what_is_wrong() {
        assertMalformed("", "empty payload", null);
        assertMalformed("{\"op\":", "not valid JSON", null);
        assertMalformed("[1,2]", "must be a JSON object", null);
        assertMalformed("{\"to\":\"x\",\"rqi\":\"q1\"}", "op is mandatory", "q1");
        assertMalformed("{\"op\":9,\"to\":\"x\",\"rqi\":\"q2\"}", "op must be 1..5", "q2");
        assertMalformed("{\"op\":1,\"to\":\"x\",\"ty\":\"cnt\",\"rqi\":\"q3\"}", "ty must be an integer", "q3");
        assertMalformed("{\"op\":2,\"to\":\"x\",\"fc\":{\"cra\":\"yesterday\"}}", "fc/cra", null);
        assertMalformed("{\"op\":2,\"to\":\"x\",\"fc\":[]}", "fc must be an object", null);
    }

    @Test
    void refuses_a_response_with_an_unknown_status_code() {
        assertThatThrownBy(() -> codec.decodeResponse("{\"rsc\":4999,\"rqi\":\"z\"}".getBytes(StandardCharsets.UTF_8),
                Serialization.JSON))
                .isInstanceOfSatisfying(MalformedPrimitiveException.class, e -> {
                    assertThat(e.requestId()).isEqualTo("z");
                    assertThat(e.getMessage()).contains("unknown rsc 4999");
                });
    }

    @Test
    void refuses_bytes_that_are_not_cbor() {
        assertThatThrownBy(() -> codec.decodeRequest(new byte[] {(byte) 0xff, 0x01}, Serialization.CBOR))
                .isInstanceOf(MalformedPrimitiveException.class)
                .satisfies(e -> assertThat(((MalformedPrimitiveException) e).toResponse().statusCode())
                        .isEqualTo(ResponseStatusCode.BAD_REQUEST));
    }

    private void assertMalformed(String payload, String message, String rqi) {
        assertThatThrownBy(() -> codec.decodeRequest(payload.getBytes(StandardCharsets.UTF_8), Serialization.JSON))
                .isInstanceOfSatisfying(MalformedPrimitiveException.class, e -> {
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.requestId()).isEqualTo(rqi);
                    Response r = e.toResponse();
                    assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
                    assertThat(r.debugMessage()).contains(message);
                });
    }
}
