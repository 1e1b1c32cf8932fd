package org.oneedge.cse.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.oneedge.cse.subscription.TestNode;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Fan-out aggregation invariants (digest §7.3): whatever the member list, the group keeps each distinct member once
 * and a fan-out answers 2000 with exactly one response per member, in {@code mid} order, each from that member.
 */
class GroupFanOutProperties {

    private static final int CONTAINERS = 8;
    private static TestNode node;
    private static final AtomicInteger groups = new AtomicInteger();

    @BeforeContainer
    static void givenContainers() {
        node = TestNode.start();
        node.registerAe("Cae1", "AE1", null);
        for (int i = 0; i < CONTAINERS; i++) {
            node.create("cse-in/AE1", "Cae1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"c" + i + "\"}}");
        }
    }

    @AfterContainer
    static void stop() {
        node.close();
    }

    @Property(tries = 30)
    void one_answer_per_distinct_member_in_member_order(@ForAll("memberLists") List<Integer> picks) {
        List<String> requested = picks.stream().map(i -> "cse-in/AE1/c" + i).toList();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(requested));
        String rn = "g" + groups.incrementAndGet();
        String mid = String.join(",", requested.stream().map(m -> "\"" + m + "\"").toList());
        Response created = node.create("cse-in/AE1", "Cae1", ResourceType.GROUP,
                "{\"m2m:grp\":{\"rn\":\"" + rn + "\",\"mnm\":" + CONTAINERS + ",\"mid\":[" + mid + "]}}");
        assertThat(created.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(created.content().at("/m2m:grp/cnm").asInt()).isEqualTo(distinct.size());

        Response r = node.retrieve("cse-in/AE1/" + rn + "/fopt", "Cae1");

        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
        JsonNode answers = r.content().at("/m2m:agr/m2m:rsp");
        assertThat(answers).hasSize(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            assertThat(answers.get(i).get("fr").asText()).isEqualTo(distinct.get(i));
            assertThat(answers.get(i).get("rsc").asInt()).isEqualTo(2000);
            assertThat("cse-in/AE1/" + answers.get(i).at("/pc/m2m:cnt/rn").asText()).isEqualTo(distinct.get(i));
        }
    }

    @Provide
    Arbitrary<List<Integer>> memberLists() {
        return Arbitraries.integers().between(0, CONTAINERS - 1).list().ofMinSize(1).ofMaxSize(CONTAINERS)
                .filter(l -> new LinkedHashSet<>(l).size() <= CONTAINERS);
    }
}
