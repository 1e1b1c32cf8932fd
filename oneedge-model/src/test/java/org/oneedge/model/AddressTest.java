package org.oneedge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.oneedge.model.Address.Form;
import org.oneedge.model.Address.Scope;

class AddressTest {

    private static final String CSE_ID = "/id-in";
    private static final String SP_ID = "oneedge.example";

    @Test
    void structured_cse_relative_address_targets_this_cse() {
        Address a = Address.parse("cse-in/AE1/cnt1");
        assertThat(a.scope()).isEqualTo(Scope.CSE_RELATIVE);
        assertThat(a.form("cse-in")).isEqualTo(Form.STRUCTURED);
        assertThat(a.targetsCse(CSE_ID, SP_ID)).isTrue();
        assertThat(a.segments()).containsExactly("cse-in", "AE1", "cnt1");
    }

    @Test
    void dash_stands_for_the_cse_base_name() {
        Address a = Address.parse("-/AE1");
        assertThat(a.form("cse-in")).isEqualTo(Form.STRUCTURED);
        assertThat(a.structuredPath("cse-in")).isEqualTo("cse-in/AE1");
        assertThat(Address.parse("-").structuredPath("cse-in")).isEqualTo("cse-in");
    }

    @Test
    void bare_ri_is_unstructured_and_ri_with_children_is_hybrid() {
        assertThat(Address.parse("cnt123").form("cse-in")).isEqualTo(Form.UNSTRUCTURED);
        assertThat(Address.parse("cnt123/la").form("cse-in")).isEqualTo(Form.HYBRID);
    }

    @Test
    void sp_relative_address_carries_the_cse_id() {
        Address a = Address.parse("/id-in/cse-in/AE1");
        assertThat(a.scope()).isEqualTo(Scope.SP_RELATIVE);
        assertThat(a.cseId()).isEqualTo("/id-in");
        assertThat(a.path()).isEqualTo("cse-in/AE1");
        assertThat(a.targetsCse(CSE_ID, SP_ID)).isTrue();
        assertThat(Address.parse("/id-mn1/cse-mn1").targetsCse(CSE_ID, SP_ID)).isFalse();
        assertThat(Address.parse("/id-in").path()).isEmpty();
    }

    @Test
    void absolute_address_carries_sp_id_and_cse_id() {
        Address a = Address.parse("//oneedge.example/id-in/cnt9");
        assertThat(a.scope()).isEqualTo(Scope.ABSOLUTE);
        assertThat(a.spId()).isEqualTo("oneedge.example");
        assertThat(a.cseId()).isEqualTo("/id-in");
        assertThat(a.path()).isEqualTo("cnt9");
        assertThat(a.targetsCse(CSE_ID, SP_ID)).isTrue();
        assertThat(Address.parse("//other.example/id-in/cnt9").targetsCse(CSE_ID, SP_ID)).isFalse();
        assertThat(Address.parse("//ONEEDGE.example/id-in").targetsCse(CSE_ID, SP_ID)).isTrue();
    }

    @Test
    void attribute_suffix_is_split_off() {
        Address a = Address.parse("cse-in/AE1/cnt1#mni");
        assertThat(a.attribute()).isEqualTo("mni");
        assertThat(a.path()).isEqualTo("cse-in/AE1/cnt1");
    }

    @Test
    void refuses_malformed_addresses() {
        assertThatThrownBy(() -> Address.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Address.parse("//sp.example")).hasMessageContaining("CSE-ID");
        assertThatThrownBy(() -> Address.parse("cse-in//AE1")).hasMessageContaining("empty path segment");
        assertThatThrownBy(() -> Address.parse("/")).hasMessageContaining("empty CSE-ID");
        assertThatThrownBy(() -> Address.parse("cse-in#")).hasMessageContaining("attribute");
    }
}
