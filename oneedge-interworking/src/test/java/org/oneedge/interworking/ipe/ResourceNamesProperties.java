package org.oneedge.interworking.ipe;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceNamesProperties {

    @Property
    void every_mec_id_gives_a_valid_resource_name(@ForAll @StringLength(min = 1, max = 40) String mecId) {
        String name = ResourceNames.of(mecId);

        assertThat(name).matches("[A-Za-z0-9][A-Za-z0-9._-]*");
        assertThat(name).isNotIn("la", "ol");
    }

    @Property
    void the_same_id_always_gives_the_same_name(@ForAll @StringLength(min = 1, max = 40) String mecId) {
        assertThat(ResourceNames.of(mecId)).isEqualTo(ResourceNames.of(new String(mecId)));
    }

    @Test
    void keeps_readable_ids_readable() {
        assertThat(ResourceNames.of("acr:10.0.0.1")).isEqualTo("acr_10.0.0.1");
        assertThat(ResourceNames.of("02:00:00:00:03:0b")).isEqualTo("02_00_00_00_03_0b");
        assertThat(ResourceNames.of("mec-host-1")).isEqualTo("mec-host-1");
        assertThat(ResourceNames.of("_x")).isEqualTo("x_x");
    }

    @Test
    void radio_report_indices_become_the_lower_bound_of_their_range() {
        assertThat(UeMirror.rsrpDbm(1)).isEqualTo(-140.0);   // RSRP_01: -140 <= RSRP < -139 dBm
        assertThat(UeMirror.rsrqDb(1)).isEqualTo(-19.5);     // RSRQ_01: -19.5 <= RSRQ < -19 dB
        assertThat(UeMirror.sinrDb(1)).isEqualTo(-23.0);     // SINR_1: -23 <= SINR < -22.5 dB
        assertThat(MecIpe.normalise("10.0.0.1")).isEqualTo("acr:10.0.0.1");
        assertThat(MecIpe.normalise("acr:10.0.0.1")).isEqualTo("acr:10.0.0.1");
    }
}
