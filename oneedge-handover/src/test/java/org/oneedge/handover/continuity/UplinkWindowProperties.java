package org.oneedge.handover.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class UplinkWindowProperties {

    @Property(tries = 200)
    void accepts_exactly_the_first_offer_of_each_number_inside_the_window(
            @ForAll @Size(max = 200) List<@LongRange(min = 1, max = 120) Long> offers,
            @ForAll @IntRange(min = 1, max = 64) int size,
            @ForAll @IntRange(min = 0, max = 200) int transferAt) {
        UplinkWindow window = new UplinkWindow(size);
        Set<Long> applied = new HashSet<>();
        long highest = 0;
        for (int i = 0; i < offers.size(); i++) {
            if (i == transferAt) {
                window = UplinkWindow.decode(window.encode());
            }
            long seq = offers.get(i);
            boolean expected = !applied.contains(seq) && seq > highest - size;
            assertThat(window.accept(seq)).as("offer %d of %s", seq, offers).isEqualTo(expected);
            if (expected) {
                applied.add(seq);
                highest = Math.max(highest, seq);
            }
        }
    }
}
