package org.oneedge.cse.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OriginatorIdTest {

    private final OriginatorId ids = new OriginatorId("/id-in", "sp.example");

    @Test
    void a_local_ae_stem_has_its_sp_relative_and_absolute_forms() {
        assertThat(ids.forms("CAE1")).containsExactlyInAnyOrder("CAE1", "/id-in/CAE1", "//sp.example/id-in/CAE1");
        assertThat(ids.same("//sp.example/id-in/CAE1", "CAE1")).isTrue();
        assertThat(ids.same("/id-mn/CAE1", "CAE1")).isFalse();
        assertThat(ids.same("//other.sp/id-in/CAE1", "CAE1")).isFalse();
    }

    @Test
    void sp_assigned_ae_ids_and_cse_ids_have_their_forms() {
        assertThat(ids.forms("Sabc")).containsExactlyInAnyOrder("Sabc", "/Sabc", "//sp.example/Sabc");
        assertThat(ids.forms("/id-mn")).containsExactlyInAnyOrder("/id-mn", "//sp.example/id-mn");
    }

    @Test
    void schedule_entries_match_cron_like_windows_in_utc() {
        ScheduleEntry officeHours = ScheduleEntry.parse("* * 8-17 * * 1-5");
        assertThat(officeHours.matches(Instant.parse("2026-03-02T09:30:00Z"))).isTrue(); // a Monday
        assertThat(officeHours.matches(Instant.parse("2026-03-01T09:30:00Z"))).isFalse(); // a Sunday
        assertThat(officeHours.matches(Instant.parse("2026-03-02T18:00:00Z"))).isFalse();
        assertThat(ScheduleEntry.parse("*/15 * * * * *").matches(Instant.parse("2026-03-02T18:00:30Z"))).isTrue();
        assertThat(ScheduleEntry.parse("*/15 * * * * *").matches(Instant.parse("2026-03-02T18:00:31Z"))).isFalse();
    }
}
