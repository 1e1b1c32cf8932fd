package org.oneedge.handover.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.MutableClock;

/** CMDH-style handover policies: demanded, allowed, deferred and forbidden handovers, and reported conflicts. */
class PolicyTriggerTest {

    private static final TimeWindow OFFICE = new TimeWindow(LocalTime.of(8, 0), LocalTime.of(18, 0), ZoneOffset.UTC);
    private static final TimeWindow NIGHT = new TimeWindow(LocalTime.of(22, 0), LocalTime.of(6, 0), ZoneOffset.UTC);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));

    private static PolicyContext context(Double latencyMs, Double battery) {
        return new PolicyContext("Cdev1", "/id-mn1", -95.0, latencyMs, battery, "4G",
                List.of("/id-mn2", "/id-mn3", "/id-mn4"));
    }

    private PolicyTrigger policies(HandoverPolicy... p) {
        return new PolicyTrigger(List.of(p), clock);
    }

    @Test
    void a_move_policy_whose_rules_hold_demands_a_handover_to_the_targets_it_and_allow_policies_permit() {
        PolicyTrigger trigger = policies(
                HandoverPolicy.of("latency-move", PolicyAction.MOVE).whenLatencyAbove(100).onNetworks("4G"),
                HandoverPolicy.of("domain-a-only", PolicyAction.ALLOW).toTargets("/id-mn3", "/id-mn4"));

        PolicyVerdict verdict = trigger.evaluate(context(120.0, 80.0));

        assertThat(verdict).isInstanceOfSatisfying(PolicyVerdict.Handover.class, h -> {
            assertThat(h.decision().trigger()).isEqualTo(TriggerKind.POLICY);
            assertThat(h.decision().targets()).containsExactly("/id-mn3", "/id-mn4");
            assertThat(h.decision().reason()).contains("latency-move", "latency 120 ms > 100 ms", "on 4G");
        });
        assertThat(trigger.evaluate(context(80.0, 80.0))).isInstanceOf(PolicyVerdict.NoAction.class);
    }

    @Test
    void a_move_and_a_forbid_that_both_apply_are_a_conflict_naming_both_and_nothing_moves() {
        PolicyTrigger trigger = policies(
                HandoverPolicy.of("low-battery-move", PolicyAction.MOVE).whenBatteryBelow(20),
                HandoverPolicy.of("office-hours-freeze", PolicyAction.FORBID).during(OFFICE));

        PolicyVerdict verdict = trigger.evaluate(context(10.0, 15.0));

        assertThat(verdict).isInstanceOfSatisfying(PolicyVerdict.Conflict.class, c -> {
            assertThat(List.of(c.policy(), c.otherPolicy()))
                    .containsExactly("low-battery-move", "office-hours-freeze");
            assertThat(c.reason()).contains("battery 15 % < 20 %", "forbids", "08:00-18:00");
        });
        clock.advance(Duration.ofHours(9)); // 19:00: the freeze no longer applies
        assertThat(trigger.evaluate(context(10.0, 15.0))).isInstanceOf(PolicyVerdict.Handover.class);
    }

    @Test
    void two_move_policies_demanding_disjoint_targets_conflict() {
        PolicyTrigger trigger = policies(
                HandoverPolicy.of("to-mn2", PolicyAction.MOVE).toTargets("/id-mn2"),
                HandoverPolicy.of("to-mn3", PolicyAction.MOVE).toTargets("/id-mn3"));

        assertThat(trigger.evaluate(context(10.0, 50.0))).isInstanceOfSatisfying(PolicyVerdict.Conflict.class,
                c -> assertThat(c.reason()).isEqualTo("to-mn2 demands a handover to [/id-mn2] while to-mn3 demands "
                        + "one to [/id-mn3]"));
    }

    @Test
    void a_move_to_targets_an_allow_policy_excludes_conflicts() {
        PolicyTrigger trigger = policies(
                HandoverPolicy.of("move", PolicyAction.MOVE).toTargets("/id-mn2"),
                HandoverPolicy.of("only-mn4", PolicyAction.ALLOW).toTargets("/id-mn4"));

        assertThat(trigger.evaluate(context(10.0, 50.0))).isInstanceOfSatisfying(PolicyVerdict.Conflict.class,
                c -> assertThat(List.of(c.policy(), c.otherPolicy())).containsExactly("move", "only-mn4"));
    }

    @Test
    void other_triggers_are_deferred_until_the_window_ends_forbidden_or_narrowed_to_allowed_targets() {
        HandoverDecision proposed = new HandoverDecision(TriggerKind.SIGNAL_QUALITY, List.of("Cdev1"), "/id-mn1",
                List.of("/id-mn2", "/id-mn4"), "10.0.0.1", "A3");
        clock.advance(Duration.ofHours(13)); // 23:00
        PolicyTrigger night = policies(HandoverPolicy.of("night-defer", PolicyAction.DEFER).during(NIGHT),
                HandoverPolicy.of("only-mn4", PolicyAction.ALLOW).toTargets("/id-mn4"));

        assertThat(night.admit(proposed, context(10.0, 50.0))).isInstanceOfSatisfying(PolicyVerdict.Deferred.class,
                d -> assertThat(d.until()).isEqualTo(Instant.parse("2026-01-02T06:00:00Z")));

        clock.advance(Duration.ofHours(8)); // 07:00: only the allow policy applies
        assertThat(night.admit(proposed, context(10.0, 50.0))).isInstanceOfSatisfying(PolicyVerdict.Handover.class,
                h -> assertThat(h.decision().targets()).containsExactly("/id-mn4"));
        assertThat(policies(HandoverPolicy.of("never", PolicyAction.FORBID).forAes("Cdev1"))
                .admit(proposed, context(10.0, 50.0))).isInstanceOf(PolicyVerdict.Forbidden.class);
        assertThat(policies(HandoverPolicy.of("never", PolicyAction.FORBID).forAes("Cother"))
                .admit(proposed, context(10.0, 50.0))).isInstanceOf(PolicyVerdict.Handover.class);
    }
}
