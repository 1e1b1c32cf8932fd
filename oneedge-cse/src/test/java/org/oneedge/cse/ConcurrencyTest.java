package org.oneedge.cse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class ConcurrencyTest {

    @Test
    void concurrent_instance_creates_keep_the_container_counters_exact() throws Exception {
        try (TestCse t = TestCse.start()) {
            t.registerAe("CAE1", "AE1");
            t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"c\",\"mni\":50}}");
            List<Future<Response>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 200; i++) {
                    String con = "v" + i;
                    results.add(pool.submit(() -> t.create("cse-in/AE1/c", "CAE1", ResourceType.CONTENT_INSTANCE,
                            "{\"m2m:cin\":{\"con\":\"" + con + "\"}}")));
                }
            }
            for (Future<Response> r : results) {
                assertThat(r.get().statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            }
            var container = t.retrieve("cse-in/AE1/c").content().get("m2m:cnt");
            String ri = container.get("ri").asText();
            var stored = t.store.children(ri, ResourceType.CONTENT_INSTANCE, 0, Integer.MAX_VALUE);
            assertThat(stored).hasSize(50);
            assertThat(container.get("cni").asInt()).isEqualTo(50);
            assertThat(container.get("cbs").asLong())
                    .isEqualTo(stored.stream().mapToLong(r -> r.attributes().get("cs").asLong()).sum());
            assertThat(container.get("st").asInt()).isEqualTo(200);
        }
    }

    @Test
    void pipelined_instance_creates_keep_the_container_counters_and_limits_exact() throws Exception {
        HeldCommitStore store = new HeldCommitStore();
        try (TestCse t = new TestCse(store.committed, Cse.builder().store(store).build())) {
            t.cse.start();
            t.registerAe("CAE1", "AE1");
            t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER,
                    "{\"m2m:cnt\":{\"rn\":\"c\",\"mni\":30,\"mbs\":200}}");
            List<Future<Response>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 200; i++) {
                    String con = "v".repeat(1 + i % 9);
                    results.add(pool.submit(() -> t.create("cse-in/AE1/c", "CAE1", ResourceType.CONTENT_INSTANCE,
                            "{\"m2m:cin\":{\"con\":\"" + con + "\"}}")));
                }
            }
            for (Future<Response> r : results) {
                assertThat(r.get().statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            }
            var container = t.retrieve("cse-in/AE1/c").content().get("m2m:cnt");
            var stored = store.committed.children(container.get("ri").asText(), ResourceType.CONTENT_INSTANCE, 0,
                    Integer.MAX_VALUE);
            long bytes = stored.stream().mapToLong(r -> r.attributes().get("cs").asLong()).sum();
            assertThat(container.get("cni").asInt()).isEqualTo(stored.size()).isLessThanOrEqualTo(30);
            assertThat(container.get("cbs").asLong()).isEqualTo(bytes).isLessThanOrEqualTo(200);
            assertThat(container.get("st").asInt()).isEqualTo(200);
        }
    }

    @Test
    void creates_queued_behind_a_failed_one_in_the_same_container_fail_with_it() throws Exception {
        HeldCommitStore store = new HeldCommitStore();
        try (TestCse t = new TestCse(store.committed, Cse.builder().store(store).build())) {
            t.cse.start();
            t.registerAe("CAE1", "AE1");
            t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"c\"}}");
            t.create("cse-in/AE1", "CAE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"other\"}}");
            store.hold();
            store.failSubmission(1);
            List<Future<Response>> results = new ArrayList<>();
            Future<Response> elsewhere;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 5; i++) {
                    results.add(pool.submit(() -> t.create("cse-in/AE1/c", "CAE1", ResourceType.CONTENT_INSTANCE,
                            "{\"m2m:cin\":{\"con\":\"x\"}}")));
                    // all five are queued, none committed: each was built on the pending state of the one before
                    int queued = i + 1;
                    await().until(() -> store.queued() == queued);
                }
                elsewhere = pool.submit(() -> t.create("cse-in/AE1/other", "CAE1", ResourceType.CONTENT_INSTANCE,
                        "{\"m2m:cin\":{\"con\":\"x\"}}"));
                await().until(() -> store.queued() == 6);
                store.release();
            }
            assertThat(results.get(0).get().statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            for (Future<Response> r : results.subList(1, 5)) {
                assertThat(r.get().statusCode()).isEqualTo(ResponseStatusCode.CONFLICT);
            }
            assertThat(elsewhere.get().statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            var container = t.retrieve("cse-in/AE1/c").content().get("m2m:cnt");
            assertThat(store.committed.children(container.get("ri").asText(), ResourceType.CONTENT_INSTANCE, 0,
                    Integer.MAX_VALUE)).hasSize(1);
            assertThat(container.get("cni").asInt()).isEqualTo(1);
            assertThat(container.get("st").asInt()).isEqualTo(1);
            // the next create builds on the committed state again
            assertThat(t.create("cse-in/AE1/c", "CAE1", ResourceType.CONTENT_INSTANCE,
                    "{\"m2m:cin\":{\"con\":\"y\"}}").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            assertThat(t.retrieve("cse-in/AE1/c").content().get("m2m:cnt").get("cni").asInt()).isEqualTo(2);
        }
    }

    @Test
    void concurrent_registrations_with_the_same_originator_register_once() throws Exception {
        try (TestCse t = TestCse.start()) {
            List<Future<Response>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 20; i++) {
                    String rn = "ae" + i;
                    results.add(pool.submit(() -> t.registerAe("Csame", rn)));
                }
            }
            long created = 0;
            for (Future<Response> r : results) {
                if (r.get().statusCode() == ResponseStatusCode.CREATED) {
                    created++;
                } else {
                    assertThat(r.get().statusCode()).isIn(ResponseStatusCode.ORIGINATOR_HAS_ALREADY_REGISTERED,
                            ResponseStatusCode.CONFLICT);
                }
            }
            assertThat(created).isEqualTo(1);
        }
    }
}
