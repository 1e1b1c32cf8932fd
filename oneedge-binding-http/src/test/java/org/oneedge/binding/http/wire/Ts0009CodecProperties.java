package org.oneedge.binding.http.wire;

import org.oneedge.model.TimestampCodec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** The client encoding and the server decoding are inverse: every field of a primitive survives the wire. */
class Ts0009CodecProperties {

    private final Ts0009Codec codec = Ts0009Codec.json();

    @Property(tries = 100)
    void a_request_survives_encode_then_decode(@ForAll("requests") Request request) {
        WireRequest wire = codec.encodeRequest(request, "");
        assertThat(codec.decodeRequest(wire)).isEqualTo(request);
    }

    @Property(tries = 100)
    void a_to_survives_the_path_mapping(@ForAll String to) {
        assertThat(RequestTarget.fromPath(RequestTarget.toPath(to))).isEqualTo(to);
    }

    @Property(tries = 100)
    void a_timestamp_survives_format_then_parse(@ForAll("instants") Instant t) {
        assertThat(TimestampCodec.parseWire(TimestampCodec.formatExact(t, 6))).isEqualTo(t);
    }

    @Property(tries = 100)
    void a_response_survives_encode_then_decode(@ForAll("statusCodes") ResponseStatusCode rsc,
                                                @ForAll("tokens") String rqi, @ForAll boolean withContent) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.putObject("m2m:cin").put("con", "21.5").put("st", 3);
        Response response = new Response(rsc, rqi, withContent ? content : null, "/id-in", null, "3",
                "cse-in/AE1/cnt1/cin1", 1, 4, "20250101T101010,5");
        WireResponse wire = codec.encodeResponse(response, null, null, codec.negotiate("application/json"));
        assertThat(wire.status()).isEqualTo(rsc.httpStatus());
        assertThat(codec.decodeResponse(wire)).isEqualTo(response);
    }

    @Provide
    Arbitrary<ResponseStatusCode> statusCodes() {
        return Arbitraries.of(ResponseStatusCode.class);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L)
                .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    /** Header-safe, non-blank, no list separators. */
    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars("abcXYZ019-_.:/").ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.isBlank());
    }

    private Arbitrary<String> text() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(10);
    }

    private Arbitrary<String> listItem() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(8);
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<Operation> op = Arbitraries.of(Operation.class);
        Arbitrary<Integer> smallInt = Arbitraries.integers().between(0, 100000).injectNull(0.3);
        Arbitrary<String> optionalToken = tokens().injectNull(0.4);
        Arbitrary<ObjectNode> content = Arbitraries.strings().ofMaxLength(20).map(s -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.putObject("m2m:cnt").put("rn", s).putArray("lbl").add(s).add(7);
            return o;
        }).injectNull(0.3);
        Arbitrary<FilterCriteria> fc = filterCriteria();
        Arbitrary<Request.Builder> base = Combinators.combine(op, Arbitraries.strings().ofMaxLength(25), optionalToken,
                optionalToken, content, optionalToken, smallInt, smallInt)
                .as((o, to, fr, rqi, pc, rvi, rcn, drt) -> Request.builder().operation(o).to(to).from(fr)
                        .requestId(rqi == null ? "r1" : rqi).content(pc).releaseVersion(rvi)
                        .resultContent(rcn).desiredIdentifierResultType(drt)
                        .resourceType(o == Operation.CREATE ? Integer.valueOf(3) : null));
        return Combinators.combine(base, fc, smallInt, tokens().list().ofMaxSize(3), optionalToken, optionalToken,
                optionalToken, listItem().list().ofMaxSize(3))
                .as((b, f, rt, rtu, ec, ot, vsi, atrl) -> b.filterCriteria(f).responseType(rt)
                        .responseTargets(rtu).eventCategory(ec).originatingTimestamp(ot).vendorInformation(vsi)
                        .attributeList(atrl))
                .flatMap(b -> Combinators.combine(optionalToken, optionalToken, optionalToken, optionalToken,
                        text().injectNull(0.5), tokens().list().ofMaxSize(3))
                        .as((ret, rst, oet, gid, rp, tkns) -> b.requestExpirationTimestamp(ret)
                                .resultExpirationTimestamp(rst).operationExecutionTime(oet)
                                .groupRequestIdentifier(gid).resultPersistence(rp).tokens(tkns).build()));
    }

    private Arbitrary<FilterCriteria> filterCriteria() {
        Arbitrary<Integer> i = Arbitraries.integers().between(-5, 5000).injectNull(0.6);
        Arbitrary<Instant> t = instants().injectNull(0.7);
        Arbitrary<Long> l = Arbitraries.longs().between(0, 1L << 40).injectNull(0.7);
        Arbitrary<List<String>> strings = listItem().list().ofMaxSize(3);
        Arbitrary<Map<String, String>> attrs = Arbitraries.maps(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(6).ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(8)).ofMaxSize(2);
        return Combinators.combine(i, i, Arbitraries.integers().between(1, 60).list().ofMaxSize(3), strings, strings,
                        t, t, t)
                .as((fu, fo, ty, lbl, rn, crb, cra, ms) -> new Object[] {fu, fo, ty, lbl, rn, crb, cra, ms})
                .flatMap(a -> Combinators.combine(t, i, i, t, t, l, l, strings)
                        .as((us, sts, stb, exb, exa, sza, szb, cty) ->
                                new Object[] {a, us, sts, stb, exb, exa, sza, szb, cty}))
                .flatMap(a -> Combinators.combine(i, i, i, text().injectNull(0.6), attrs)
                        .as((lim, ofst, lvl, arp, atr) -> build(a, lim, ofst, lvl, arp, atr)));
    }

    @SuppressWarnings("unchecked")
    private static FilterCriteria build(Object[] a, Integer lim, Integer ofst, Integer lvl, String arp,
                                        Map<String, String> attrs) {
        Object[] first = (Object[]) a[0];
        return new FilterCriteria((Integer) first[0], (Integer) first[1], (List<Integer>) first[2],
                (List<String>) first[3], (List<String>) first[4], (Instant) first[5], (Instant) first[6],
                (Instant) first[7], (Instant) a[1], (Integer) a[2], (Integer) a[3], (Instant) a[4], (Instant) a[5],
                (Long) a[6], (Long) a[7], (List<String>) a[8], lim, ofst, lvl, arp, attrs);
    }
}
