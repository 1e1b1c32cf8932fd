package org.oneedge.handover.continuity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UplinkWindowTest {

    @Test
    void accepts_each_sequence_number_once() {
        UplinkWindow w = new UplinkWindow(8);
        assertThat(w.accept(1)).isTrue();
        assertThat(w.accept(3)).isTrue();
        assertThat(w.accept(2)).isTrue();
        assertThat(w.offer(3)).isEqualTo(UplinkWindow.Verdict.DUPLICATE);
        assertThat(w.highest()).isEqualTo(3);
    }

    @Test
    void refuses_numbers_that_fell_out_of_the_window() {
        UplinkWindow w = new UplinkWindow(4);
        w.accept(1);
        w.accept(10);
        assertThat(w.offer(6)).isEqualTo(UplinkWindow.Verdict.TOO_OLD);
        assertThat(w.offer(7)).isEqualTo(UplinkWindow.Verdict.ACCEPTED);
    }

    @Test
    void travels_with_the_context_and_keeps_refusing_what_was_applied() {
        UplinkWindow source = new UplinkWindow(16);
        for (long s = 1; s <= 5; s++) {
            source.accept(s);
        }
        UplinkWindow target = UplinkWindow.decode(source.encode());

        assertThat(target.accept(5)).isFalse();
        assertThat(target.accept(3)).isFalse();
        assertThat(target.accept(6)).isTrue();
    }

    @Test
    void a_number_taken_back_is_accepted_again_once() {
        UplinkWindow w = new UplinkWindow(8);
        w.accept(1);
        w.accept(2);

        w.forget(1);

        assertThat(w.accept(1)).isTrue();
        assertThat(w.accept(1)).isFalse();
        assertThat(w.highest()).isEqualTo(2);
    }

    @Test
    void refuses_a_malformed_transfer_form() {
        assertThatThrownBy(() -> UplinkWindow.decode("x:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UplinkWindow.decode("0:1:")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windows_move_between_cses_per_originator() {
        UplinkWindows source = new UplinkWindows(32);
        source.offer("Cdev1", 1);
        source.offer("Cdev1", 2);
        UplinkWindows target = new UplinkWindows(32);

        target.importWindow("Cdev1", source.export("Cdev1").orElseThrow());

        assertThat(target.offer("Cdev1", 2)).isEqualTo(UplinkWindow.Verdict.DUPLICATE);
        assertThat(target.offer("Cdev1", 3)).isEqualTo(UplinkWindow.Verdict.ACCEPTED);
        assertThat(source.export("Cdev1")).isEmpty();
    }
}
