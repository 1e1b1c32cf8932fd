package org.oneedge.binding.http.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResponseStatusCode;

/** CBOR carries the same content tree as JSON (TS-0004 8.5): encode then decode gives back what was encoded. */
class CborContentCodecProperties {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final CborContentCodec cbor = new CborContentCodec();
    private final JsonContentCodec json = new JsonContentCodec();

    @Property(tries = 100)
    void content_survives_cbor_encode_then_decode(@ForAll("contents") ObjectNode content) {
        assertThat(cbor.decode(cbor.encode(content))).isEqualTo(content);
    }

    @Property(tries = 100)
    void json_and_cbor_carry_the_same_tree(@ForAll("contents") ObjectNode content) {
        JsonNode viaJson = json.decode(json.encode(content));
        assertThat(cbor.decode(cbor.encode(viaJson))).isEqualTo(viaJson);
    }

    @Property(tries = 50)
    void a_cut_short_body_is_refused_with_4000(@ForAll("contents") ObjectNode content) {
        byte[] full = cbor.encode(content);
        byte[] cut = Arrays.copyOf(full, full.length - 1);
        assertThatThrownBy(() -> cbor.decode(cut)).isInstanceOfSatisfying(OneM2MException.class,
                e -> assertThat(e.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST));
    }

    @Property(tries = 20)
    void handles_the_onem2m_cbor_media_types_only(@ForAll("mediaTypes") String type) {
        assertThat(cbor.handles(MediaType.parse(type))).isEqualTo(type.contains("cbor"));
    }

    @Provide
    Arbitrary<String> mediaTypes() {
        return Arbitraries.of("application/cbor", "application/vnd.onem2m-res+cbor;ty=3",
                "application/vnd.onem2m-ntfy+cbor", "application/json", "application/vnd.onem2m-res+json",
                "text/plain");
    }

    @Provide
    Arbitrary<ObjectNode> contents() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(F::textNode),
                Arbitraries.integers().map(F::numberNode),
                Arbitraries.of(true, false).map(F::booleanNode),
                Arbitraries.just(F.nullNode()));
        Arbitrary<JsonNode> lists = scalars.list().ofMaxSize(4).map(CborContentCodecProperties::array);
        Arbitrary<String> names = Arbitraries.of("rn", "con", "lbl", "mni", "cnf", "acpi", "ty", "st");
        Arbitrary<ObjectNode> attributes = Arbitraries.maps(names, Arbitraries.oneOf(scalars, lists)).ofMaxSize(6)
                .map(m -> {
                    ObjectNode o = F.objectNode();
                    m.forEach(o::set);
                    return o;
                });
        return Arbitraries.of("m2m:cnt", "m2m:cin", "m2m:grp", "m2m:bat").flatMap(root -> attributes.map(a -> {
            ObjectNode content = F.objectNode();
            content.set(root, a);
            return content;
        }));
    }

    private static JsonNode array(List<JsonNode> items) {
        ArrayNode a = F.arrayNode();
        items.forEach(a::add);
        return a;
    }
}
