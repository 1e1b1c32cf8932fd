package org.oneedge.cse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;

/** The container counters always describe exactly the instances stored below it (TS-0004 7.4.6/7.4.7). */
class ContainerProperties {

    /** One step: a positive number creates an instance of that many bytes, 0 deletes la, -1 deletes ol. */
    @Provide
    Arbitrary<List<Integer>> steps() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(1, 30)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(-1))).list().ofMaxSize(40);
    }

    @Property(tries = 60)
    void counters_equal_the_stored_instances_and_respect_the_limits(
            @ForAll @IntRange(min = 1, max = 6) int mni,
            @ForAll @IntRange(min = 30, max = 120) int mbs,
            @ForAll("steps") List<Integer> steps,
            @ForAll @Size(max = 2) List<@IntRange(min = 1, max = 5) Integer> newMni) {
        try (TestCse t = TestCse.start()) {
            t.registerAe("CAE1", "AE1");
            t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER,
                    "{\"m2m:cnt\":{\"rn\":\"c\",\"mni\":" + mni + ",\"mbs\":" + mbs + "}}");
            int limit = mni;
            int i = 0;
            for (int step : steps) {
                if (step > 0) {
                    t.create("cse-in/AE1/c", "CAE1", ResourceType.CONTENT_INSTANCE,
                            "{\"m2m:cin\":{\"con\":\"" + "x".repeat(step) + "\"}}");
                } else {
                    t.delete(step == 0 ? "cse-in/AE1/c/la" : "cse-in/AE1/c/ol");
                }
                if (i++ == steps.size() / 2 && !newMni.isEmpty()) {
                    limit = newMni.get(0);
                    t.update("cse-in/AE1/c", "{\"m2m:cnt\":{\"mni\":" + limit + "}}");
                }
                Response cnt = t.retrieve("cse-in/AE1/c");
                Resource container = t.store.getByPath("cse-in/AE1/c").orElseThrow();
                List<Resource> instances = t.store.children(container.ri(), ResourceType.CONTENT_INSTANCE, 0,
                        Integer.MAX_VALUE);
                long bytes = instances.stream().mapToLong(r -> r.attributes().get("cs").asLong()).sum();
                assertThat(cnt.content().at("/m2m:cnt/cni").asLong()).isEqualTo(instances.size());
                assertThat(cnt.content().at("/m2m:cnt/cbs").asLong()).isEqualTo(bytes);
                assertThat(instances.size()).isLessThanOrEqualTo(limit);
                assertThat(bytes).isLessThanOrEqualTo(mbs);
            }
        }
    }
}
