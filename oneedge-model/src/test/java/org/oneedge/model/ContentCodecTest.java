package org.oneedge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentCodecTest {

    @Test
    void parses_and_writes_back_the_same_json() {
        String text = "{\"m2m:cnt\":{\"rn\":\"c\",\"mni\":10,\"lbl\":[\"a\",\"b:c\"]}}";
        assertThat(new String(ContentCodec.write(ContentCodec.parse(text)), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void malformed_json_is_a_bad_request_naming_the_position() {
        assertThatThrownBy(() -> ContentCodec.parse("{\"m2m:cnt\":{\"rn\":}"))
                .isInstanceOfSatisfying(OneM2MException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(ResponseStatusCode.BAD_REQUEST);
                    assertThat(e.getMessage()).startsWith("malformed JSON content at line 1, column");
                });
    }

    @Test
    void duplicate_keys_and_trailing_garbage_are_refused() {
        assertThatThrownBy(() -> ContentCodec.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> ContentCodec.parse("{\"a\":1} x")).isInstanceOf(OneM2MException.class);
    }

    @Test
    void empty_input_is_no_content() {
        assertThat(ContentCodec.parse(new byte[0])).isNull();
    }
}
