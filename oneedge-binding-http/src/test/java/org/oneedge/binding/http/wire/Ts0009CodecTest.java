package org.oneedge.binding.http.wire;

import org.oneedge.model.TimestampCodec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResponseStatusCode;

class Ts0009CodecTest {

    private final Ts0009Codec codec = Ts0009Codec.json();

    @Test
    void maps_each_addressing_form_to_its_path() {
        assertThat(RequestTarget.toPath("cse-in/AE1/cnt1")).isEqualTo("/cse-in/AE1/cnt1");
        assertThat(RequestTarget.toPath("cnt123")).isEqualTo("/cnt123");
        assertThat(RequestTarget.toPath("/id-in/cse-in/AE1")).isEqualTo("/~/id-in/cse-in/AE1");
        assertThat(RequestTarget.toPath("//sp.example/id-in/cse-in")).isEqualTo("/_/sp.example/id-in/cse-in");
        assertThat(RequestTarget.toPath("cse-in/a b/café")).isEqualTo("/cse-in/a%20b/caf%C3%A9");
        assertThat(RequestTarget.toPath("~/x")).isEqualTo("/%7E/x");
    }

    @Test
    void reads_timestamps_with_and_without_fractions() {
        assertThat(TimestampCodec.parseWire("20250102T030405")).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(TimestampCodec.parseWire("20250102T030405,123456"))
                .isEqualTo(Instant.parse("2025-01-02T03:04:05.123456Z"));
        assertThat(TimestampCodec.parseWire("20250102T030405.5Z")).isEqualTo(Instant.parse("2025-01-02T03:04:05.5Z"));
        assertThat(TimestampCodec.formatExact(Instant.parse("2025-01-02T03:04:05.120Z"), 6)).isEqualTo("20250102T030405,120000");
        assertThatThrownBy(() -> TimestampCodec.parseWire("2025-01-02")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimestampCodec.parseWire("20251302T030405")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reads_bearer_tokens_and_keeps_other_schemes_whole() {
        assertThat(Ts0009Codec.tokensFromAuthorization("Bearer a+b")).containsExactly("a", "b");
        assertThat(Ts0009Codec.tokensFromAuthorization("Basic dXNlcjpwdw==")).containsExactly("Basic dXNlcjpwdw==");
        assertThat(Ts0009Codec.authorizationFromTokens(java.util.List.of("a", "b"))).isEqualTo("Bearer a+b");
        assertThat(Ts0009Codec.authorizationFromTokens(java.util.List.of("Basic x"))).isEqualTo("Basic x");
    }

    @Test
    void accepts_the_onem2m_json_media_types_with_parameters() {
        for (String ct : new String[] {"application/json", "application/vnd.onem2m-res+json; ty=3",
                "Application/JSON;charset=utf-8;ty=3"}) {
            Request r = codec.decodeRequest(post(ct, "{\"m2m:cnt\":{}}"));
            assertThat(r.content().has("m2m:cnt")).as(ct).isTrue();
        }
        assertThat(codec.decodeRequest(post("application/json;ty=3", "{}")).operation()).isEqualTo(Operation.CREATE);
        assertThat(codec.decodeRequest(post("application/json", "{}")).operation()).isEqualTo(Operation.NOTIFY);
    }

    @Test
    void refuses_bad_input_with_the_right_code() {
        assertRefused(post("text/plain", "x"), ResponseStatusCode.UNSUPPORTED_MEDIA_TYPE, "unsupported media type");
        assertRefused(post(null, "{}"), ResponseStatusCode.UNSUPPORTED_MEDIA_TYPE, "needs a Content-Type");
        assertRefused(post("application/json;ty=cnt", "{}"), ResponseStatusCode.BAD_REQUEST, "ty in Content-Type");
        assertRefused(post("application/json", "[1]"), ResponseStatusCode.BAD_REQUEST, "content must be an object");
        assertRefused(post("application/json", "{\"a\":"), ResponseStatusCode.BAD_REQUEST, "malformed JSON: ");
        assertRefused(get("/cse-in", "rcn=1&rcn=2"), ResponseStatusCode.BAD_REQUEST, "rcn is given 2 times");
        assertRefused(get("/cse-in", "szb=big"), ResponseStatusCode.BAD_REQUEST, "query parameter szb");
        assertRefused(get("/cse-in", "da=maybe"), ResponseStatusCode.BAD_REQUEST, "da must be true or false");
        assertRefused(get("/cse-in", "smf=x"), ResponseStatusCode.NOT_IMPLEMENTED, "smf is not supported");
        assertRefused(get("/cse-in/%zz", null), ResponseStatusCode.BAD_REQUEST, "percent escape");
    }

    @Test
    void negotiates_the_answer_format_from_accept() {
        assertThat(codec.negotiate(null).mediaType()).isEqualTo("application/json");
        assertThat(codec.negotiate("*/*").mediaType()).isEqualTo("application/json");
        assertThat(codec.negotiate("application/xml, application/vnd.onem2m-res+json").mediaType())
                .isEqualTo("application/json");
        assertThatThrownBy(() -> codec.negotiate("application/cbor"))
                .isInstanceOfSatisfying(OneM2MException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(ResponseStatusCode.NOT_ACCEPTABLE));
    }

    @Test
    void unknown_query_names_become_attribute_conditions_and_rn_is_resource_name() {
        Request r = codec.decodeRequest(get("/cse-in", "fu=1&rn=cnt1&rn=cnt2&st=3&con=a*b&con=c"));

        assertThat(r.filterCriteria().resourceNames()).containsExactly("cnt1", "cnt2");
        assertThat(r.filterCriteria().attributes()).isEqualTo(Map.of("st", "3", "con", "a*b+c"));
    }

    private void assertRefused(WireRequest wire, ResponseStatusCode rsc, String message) {
        assertThatThrownBy(() -> codec.decodeRequest(wire))
                .isInstanceOfSatisfying(OneM2MException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(rsc);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    private static WireRequest post(String contentType, String body) {
        Map<String, String> headers = contentType == null ? Map.of("X-M2M-RI", "1")
                : Map.of("X-M2M-RI", "1", "Content-Type", contentType);
        return new WireRequest("POST", "/cse-in", null, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static WireRequest get(String path, String query) {
        return new WireRequest("GET", path, query, Map.of("x-m2m-ri", "1"), null);
    }
}
