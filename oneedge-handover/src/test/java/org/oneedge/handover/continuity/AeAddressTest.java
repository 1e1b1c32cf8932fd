package org.oneedge.handover.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AeAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "-/ae1/data, ae1",
            "-/ae1, ae1",
            "cse-mn1/ae1/data/la, ae1",
            "/id-mn1/cse-mn1/ae1/cmd, ae1",
            "/id-mn1/-/ae1, ae1",
            "//oneedge.example/id-mn1/cse-mn1/ae1, ae1",
            "/id-mn2/cse-mn2/ae1, null",
            "cse-mn1, null",
            "-/, null",
            "cin1234, null",
            "other-base/ae1, null"})
    void reads_the_ae_name_below_the_cse_base(String to, String expected) {
        assertThat(AeAddress.aeName(to, "/id-mn1", "cse-mn1")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"-/ae1/data, true", "cse-mn1/ae1, true", "/id-mn1/cse-mn1/ae1, true", "//sp/id-mn1/-/ae1, true",
            "cin1234, false", "/id-mn1/cin1234, false", "//sp/id-mn1/cin1234, false", "-/, false"})
    void tells_structured_addresses_from_resource_ids(String to, boolean expected) {
        assertThat(AeAddress.structured(to)).isEqualTo(expected);
    }
}
