package org.oneedge.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AddressProperties {

    @Provide
    Arbitrary<String> segment() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('A', 'Z').range('0', '9');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-', '_', '.')
                .ofMaxLength(11);
        return Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    @Provide
    Arbitrary<List<String>> path() {
        return segment().list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 300)
    void cse_relative_path_parses_back_to_its_segments(@ForAll("path") List<String> segments) {
        String text = String.join("/", segments);
        Address a = Address.parse(text);
        assertThat(a.scope()).isEqualTo(Address.Scope.CSE_RELATIVE);
        assertThat(a.segments()).isEqualTo(segments);
        assertThat(a.toString()).isEqualTo(text);
        assertThat(a.targetsCse("/any", "any.sp")).isTrue();
    }

    @Property(tries = 300)
    void sp_relative_address_splits_into_cse_id_and_path(@ForAll("segment") String csi,
                                                        @ForAll("path") List<String> segments) {
        String path = String.join("/", segments);
        Address a = Address.parse("/" + csi + "/" + path);
        assertThat(a.cseId()).isEqualTo("/" + csi);
        assertThat(a.path()).isEqualTo(path);
        assertThat(a.targetsCse("/" + csi, "sp")).isTrue();
        assertThat(a.targetsCse("/" + csi + "x", "sp")).isFalse();
        assertThat(Address.parse(a.toString())).isEqualTo(a);
    }

    @Property(tries = 300)
    void absolute_address_round_trips(@ForAll("segment") String sp, @ForAll("segment") String csi,
                                     @ForAll("path") List<String> segments) {
        String text = "//" + sp + "/" + csi + "/" + String.join("/", segments);
        Address a = Address.parse(text);
        assertThat(a.spId()).isEqualTo(sp);
        assertThat(a.toString()).isEqualTo(text);
        assertThat(a.targetsCse("/" + csi, sp)).isTrue();
        assertThat(a.targetsCse("/" + csi, sp + "x")).isFalse();
    }

    @Property(tries = 300)
    void structured_form_is_recognised_by_the_base_name(@ForAll("segment") String base,
                                                       @ForAll("path") List<String> rest) {
        Address a = Address.parse(base + "/" + String.join("/", rest));
        assertThat(a.form(base)).isEqualTo(Address.Form.STRUCTURED);
        assertThat(Address.parse("-/" + String.join("/", rest)).structuredPath(base)).isEqualTo(a.path());
    }
}
