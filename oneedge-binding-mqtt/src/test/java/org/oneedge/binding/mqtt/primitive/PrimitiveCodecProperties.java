package org.oneedge.binding.mqtt.primitive;

import org.oneedge.model.TimestampCodec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** Every request and response primitive survives encode → decode unchanged, in JSON and in CBOR. */
class PrimitiveCodecProperties {
    private final PrimitiveCodec codec = new PrimitiveCodec();

    @Property(tries = 100)
    void requests_survive_a_round_trip(@ForAll("requests") Request request, @ForAll Serialization serialization) {
        byte[] wire = codec.encodeRequest(request, serialization);

        assertThat(codec.decodeRequest(wire, serialization)).isEqualTo(request);
    }

    @Property(tries = 100)
    void responses_survive_a_round_trip(@ForAll("responses") Response response, @ForAll Serialization serialization) {
        byte[] wire = codec.encodeResponse(response, serialization);

        assertThat(codec.decodeResponse(wire, serialization)).isEqualTo(response);
    }

    @Property(tries = 100)
    void timestamps_survive_a_round_trip(@ForAll("instants") Instant instant) {
        assertThat(TimestampCodec.parseWire(TimestampCodec.formatExact(instant, 0))).isEqualTo(instant);
    }

    @Provide
    Arbitrary<Request> requests() {
        return Builders.withBuilder(() -> Request.builder().operation(Operation.RETRIEVE).to("/id-in"))
                .use(Arbitraries.of(Operation.class)).in(Request.Builder::operation)
                .use(text().filter(s -> !s.isBlank())).in(Request.Builder::to)
                .use(text().injectNull(0.3)).in(Request.Builder::from)
                .use(text().injectNull(0.1)).in(Request.Builder::requestId)
                .use(Arbitraries.integers().between(0, 70).injectNull(0.5)).in((b, v) -> b.resourceType(v))
                .use(content().injectNull(0.4)).in(Request.Builder::content)
                .use(Arbitraries.of("1", "2", "2a", "3", "4", "5").injectNull(0.2)).in(Request.Builder::releaseVersion)
                .use(Arbitraries.integers().between(0, 12).injectNull(0.5)).in(Request.Builder::resultContent)
                .use(filterCriteria()).in(Request.Builder::filterCriteria)
                .use(Arbitraries.integers().between(1, 2).injectNull(0.6)).in(Request.Builder::desiredIdentifierResultType)
                .use(Arbitraries.integers().between(1, 5).injectNull(0.5)).in(Request.Builder::responseType)
                .use(texts()).in(Request.Builder::responseTargets)
                .use(timeish().injectNull(0.7)).in(Request.Builder::resultPersistence)
                .use(Arbitraries.of("2", "3", "4", "100", "999", "custom").injectNull(0.6)).in(Request.Builder::eventCategory)
                .use(instants().map(i -> TimestampCodec.formatExact(i, 0)).injectNull(0.5)).in(Request.Builder::originatingTimestamp)
                .use(timeish().injectNull(0.5)).in(Request.Builder::requestExpirationTimestamp)
                .use(timeish().injectNull(0.7)).in(Request.Builder::resultExpirationTimestamp)
                .use(timeish().injectNull(0.7)).in(Request.Builder::operationExecutionTime)
                .use(text().injectNull(0.7)).in(Request.Builder::vendorInformation)
                .use(text().injectNull(0.8)).in(Request.Builder::groupRequestIdentifier)
                .use(texts()).in(Request.Builder::attributeList)
                .use(texts()).in(Request.Builder::tokens)
                .build(Request.Builder::build);
    }

    @Provide
    Arbitrary<Response> responses() {
        return Builders.withBuilder(() -> new Response[] {Response.of(ResponseStatusCode.OK, null)})
                .use(Arbitraries.of(ResponseStatusCode.class)).in((r, v) -> { r[0] = Response.of(v, null); return r; })
                .use(content().injectNull(0.3)).in((r, v) -> { r[0] = Response.of(r[0].statusCode(), v); return r; })
                .use(text().injectNull(0.1)).in((r, v) -> { r[0] = r[0].withRequestId(v); return r; })
                .use(text().injectNull(0.4)).in((r, v) -> { r[0] = r[0].withFrom(v); return r; })
                .use(text().injectNull(0.4)).in((r, v) -> { r[0] = r[0].withTo(v); return r; })
                .use(Arbitraries.of("2a", "3", "4", "5").injectNull(0.3)).in((r, v) -> { r[0] = r[0].withReleaseVersion(v); return r; })
                .use(instants().map(i -> TimestampCodec.formatExact(i, 0)).injectNull(0.5))
                .in((r, v) -> { r[0] = r[0].withOriginatingTimestamp(v); return r; })
                .use(Arbitraries.integers().between(1, 2).injectNull(0.7))
                .in((r, v) -> { r[0] = r[0].withContentStatus(v, v == null ? null : 3); return r; })
                .build(r -> r[0]);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_102_444_800L)
                .flatMap(s -> Arbitraries.of(0, 500_000_000, 123_000, 1).map(n -> Instant.ofEpochSecond(s, n)));
    }

    private Arbitrary<FilterCriteria> filterCriteria() {
        Arbitrary<FilterCriteria> some = Builders.withBuilder(FcBuilder::new)
                .use(Arbitraries.integers().between(1, 4).injectNull(0.5)).in((b, v) -> { b.fu = v; return b; })
                .use(Arbitraries.integers().between(1, 3).injectNull(0.7)).in((b, v) -> { b.fo = v; return b; })
                .use(Arbitraries.integers().between(1, 60).list().ofMaxSize(3)).in((b, v) -> { b.ty = v; return b; })
                .use(texts()).in((b, v) -> { b.lbl = v; return b; })
                .use(texts()).in((b, v) -> { b.rn = v; return b; })
                .use(instants().injectNull(0.7)).in((b, v) -> { b.crb = v; return b; })
                .use(instants().injectNull(0.7)).in((b, v) -> { b.cra = v; return b; })
                .use(instants().injectNull(0.8)).in((b, v) -> { b.ms = v; return b; })
                .use(instants().injectNull(0.8)).in((b, v) -> { b.us = v; return b; })
                .use(Arbitraries.integers().between(0, 1000).injectNull(0.8)).in((b, v) -> { b.sts = v; return b; })
                .use(Arbitraries.integers().between(0, 1000).injectNull(0.8)).in((b, v) -> { b.stb = v; return b; })
                .use(instants().injectNull(0.8)).in((b, v) -> { b.exb = v; return b; })
                .use(instants().injectNull(0.8)).in((b, v) -> { b.exa = v; return b; })
                .use(Arbitraries.longs().between(0, 10_000_000_000L).injectNull(0.8)).in((b, v) -> { b.sza = v; return b; })
                .use(Arbitraries.longs().between(0, 10_000_000_000L).injectNull(0.8)).in((b, v) -> { b.szb = v; return b; })
                .use(texts()).in((b, v) -> { b.cty = v; return b; })
                .use(Arbitraries.integers().between(0, 1000).injectNull(0.6)).in((b, v) -> { b.lim = v; return b; })
                .use(Arbitraries.integers().between(1, 1000).injectNull(0.8)).in((b, v) -> { b.ofst = v; return b; })
                .use(Arbitraries.integers().between(0, 10).injectNull(0.7)).in((b, v) -> { b.lvl = v; return b; })
                .use(text().injectNull(0.8)).in((b, v) -> { b.arp = v; return b; })
                .use(Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4), text()).ofMaxSize(3))
                .in((b, v) -> { b.atr = v; return b; })
                .build(FcBuilder::build);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(FilterCriteria.NONE)),
                net.jqwik.api.Tuple.of(3, some));
    }

    private static final class FcBuilder {
        Integer fu, fo, sts, stb, lim, ofst, lvl;
        List<Integer> ty;
        List<String> lbl, rn, cty;
        Instant crb, cra, ms, us, exb, exa;
        Long sza, szb;
        String arp;
        Map<String, String> atr;

        FilterCriteria build() {
            return new FilterCriteria(fu, fo, ty, lbl, rn, crb, cra, ms, us, sts, stb, exb, exa, sza, szb, cty, lim,
                    ofst, lvl, arp, atr);
        }
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(12);
    }

    private static Arbitrary<List<String>> texts() {
        return text().list().ofMaxSize(3);
    }

    /** absRelTimestamp-like values: relative milliseconds, timestamps or arbitrary text. */
    private Arbitrary<String> timeish() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-5, 10_000_000).map(String::valueOf),
                instants().map(i -> TimestampCodec.formatExact(i, 0)), text());
    }

    private static Arbitrary<JsonNode> content() {
        Arbitrary<String> key = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(4)
                .map(s -> "m2m:" + s).filter(k -> !k.equals("m2m:atrl"));
        return Arbitraries.maps(key, value(2)).ofMinSize(1).ofMaxSize(2).map(m -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            m.forEach(o::set);
            return o;
        });
    }

    private static Arbitrary<JsonNode> value(int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(10).map(f::textNode),
                Arbitraries.integers().map(f::numberNode),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.just(f.nullNode()));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5),
                value(depth - 1)).ofMaxSize(3).map(m -> {
                    ObjectNode o = f.objectNode();
                    m.forEach(o::set);
                    return o;
                });
        Arbitrary<JsonNode> array = value(depth - 1).list().ofMaxSize(3).map(l -> {
            ArrayNode a = f.arrayNode();
            l.forEach(a::add);
            return a;
        });
        return Arbitraries.oneOf(scalar, object, array);
    }
}
