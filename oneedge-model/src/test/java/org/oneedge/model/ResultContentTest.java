package org.oneedge.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultContentTest {

    @Test
    void hierarchical_address_is_valid_only_on_create() {
        assertThat(ResultContent.HIERARCHICAL_ADDRESS.validFor(Operation.CREATE, false)).isTrue();
        assertThat(ResultContent.HIERARCHICAL_ADDRESS.validFor(Operation.RETRIEVE, false)).isFalse();
        assertThat(ResultContent.HIERARCHICAL_ADDRESS.validFor(Operation.UPDATE, false)).isFalse();
    }

    @Test
    void discovery_accepts_only_references() {
        assertThat(ResultContent.DISCOVERY_RESULT_REFERENCES.validFor(Operation.RETRIEVE, true)).isTrue();
        assertThat(ResultContent.CHILD_RESOURCE_REFERENCES.validFor(Operation.RETRIEVE, true)).isTrue();
        assertThat(ResultContent.ATTRIBUTES.validFor(Operation.RETRIEVE, true)).isFalse();
        assertThat(ResultContent.DISCOVERY_RESULT_REFERENCES.validFor(Operation.RETRIEVE, false)).isFalse();
    }

    @Test
    void defaults_follow_the_operation() {
        assertThat(ResultContent.defaultFor(Operation.DELETE, false)).isEqualTo(ResultContent.NOTHING);
        assertThat(ResultContent.defaultFor(Operation.CREATE, false)).isEqualTo(ResultContent.ATTRIBUTES);
        assertThat(ResultContent.defaultFor(Operation.RETRIEVE, true))
                .isEqualTo(ResultContent.DISCOVERY_RESULT_REFERENCES);
        assertThat(ResultContent.of(12)).contains(ResultContent.PERMISSIONS);
        assertThat(ResultContent.of(13)).isEmpty();
    }
}
