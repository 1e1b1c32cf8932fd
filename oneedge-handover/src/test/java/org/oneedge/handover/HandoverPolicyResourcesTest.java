package org.oneedge.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.trigger.CseHandoverPolicies;
import org.oneedge.handover.trigger.HandoverPolicy;
import org.oneedge.handover.trigger.PolicyAction;
import org.oneedge.handover.trigger.PolicyContext;
import org.oneedge.handover.trigger.PolicyTrigger;
import org.oneedge.handover.trigger.PolicyVerdict;
import org.oneedge.handover.trigger.TimeWindow;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/** Handover policies stored as oneM2M resources at the IN-CSE, written and read with plain oneM2M requests. */
class HandoverPolicyResourcesTest {

    private final InProcessCse in = InProcessCse.in();
    private final CseHandoverPolicies policies;

    HandoverPolicyResourcesTest() {
        in.registerAe("CoeHandover", "oeHandover");
        policies = new CseHandoverPolicies(in.as("CoeHandover"), "cse-in/oeHandover");
    }

    @AfterEach
    void close() {
        in.close();
    }

    @Test
    void policies_round_trip_through_their_resources_and_feed_the_policy_trigger() {
        HandoverPolicy freeze = HandoverPolicy.of("office-freeze", PolicyAction.FORBID)
                .during(new TimeWindow(LocalTime.of(8, 0), LocalTime.of(18, 0), ZoneId.of("Europe/Paris")));
        HandoverPolicy move = HandoverPolicy.of("latency-move", PolicyAction.MOVE).whenLatencyAbove(100)
                .toTargets("/id-mn2").forAes("Cdev1");
        policies.put(freeze);
        policies.put(move);
        policies.put(move.whenBatteryBelow(30)); // an update of the same policy

        List<HandoverPolicy> stored = policies.all();

        assertThat(stored).containsExactly(move.whenBatteryBelow(30), freeze);
        assertThat(in.admin().retrieve("cse-in/oeHandover/pol-latency-move").content().path("oe:hoPol")
                .path("ltcyAbove").asDouble()).isEqualTo(100.0);
        PolicyVerdict verdict = new PolicyTrigger(stored, new MutableClock(Instant.parse("2026-01-05T09:00:00Z")))
                .evaluate(new PolicyContext("Cdev1", "/id-mn1", null, 150.0, 20.0, "5G", List.of()));
        assertThat(verdict).isInstanceOfSatisfying(PolicyVerdict.Conflict.class,
                c -> assertThat(List.of(c.policy(), c.otherPolicy())).containsExactly("latency-move",
                        "office-freeze"));
        assertThat(policies.remove("office-freeze")).isTrue();
        assertThat(policies.all()).containsExactly(move.whenBatteryBelow(30));
        policies.put(move); // the battery rule is dropped again
        assertThat(policies.all()).containsExactly(move);
    }

    @Test
    void a_policy_resource_with_an_unknown_action_is_skipped_not_guessed() {
        policies.put(HandoverPolicy.of("ok", PolicyAction.ALLOW).toTargets("/id-mn3"));
        var created = in.as("CoeHandover").create("cse-in/oeHandover", ResourceType.FLEX_CONTAINER,
                ContentCodec.parse("{\"oe:hoPol\":{\"rn\":\"pol-bad\",\"cnd\":\"org.oneedge.handover.policy\","
                        + "\"name\":\"bad\",\"action\":\"MAYBE\",\"lbl\":[\"oe:hoPol\"]}}"));
        assertThat(created.statusCode()).isEqualTo(ResponseStatusCode.CREATED);

        assertThat(policies.all()).extracting(HandoverPolicy::name).containsExactly("ok");
    }
}
