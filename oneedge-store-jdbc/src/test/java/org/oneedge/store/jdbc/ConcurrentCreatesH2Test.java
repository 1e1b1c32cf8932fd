package org.oneedge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Concurrent instance creates in one container on the H2 store, whose group commits the engine feeds while the
 * container's lock is already released: counters and the {@code mni}/{@code mbs} pruning stay exact.
 */
class ConcurrentCreatesH2Test {

    private static final String ADMIN = "CAdmin";
    private final AtomicLong rqi = new AtomicLong();

    @Test
    void concurrent_instance_creates_keep_cni_cbs_st_exact_and_prune_to_the_limits() throws Exception {
        try (JdbcResourceStore store = H2MemoryResourceStoreTest.openStore();
             Cse cse = Cse.builder().store(store).build()) {
            cse.start();
            send(cse, Operation.CREATE, "cse-in", ResourceType.AE,
                    "{\"m2m:ae\":{\"rn\":\"AE1\",\"api\":\"Nmy.app\",\"rr\":true,\"srv\":[\"3\"]}}");
            send(cse, Operation.CREATE, "cse-in/AE1", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"all\"}}");
            send(cse, Operation.CREATE, "cse-in/AE1", ResourceType.CONTAINER,
                    "{\"m2m:cnt\":{\"rn\":\"capped\",\"mni\":25,\"mbs\":200}}");

            List<Future<Response>> results = new ArrayList<>();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 120; i++) {
                    String container = i % 2 == 0 ? "all" : "capped";
                    String con = "x".repeat(1 + i % 11);
                    results.add(clients.submit(() -> send(cse, Operation.CREATE, "cse-in/AE1/" + container,
                            ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"" + con + "\"}}")));
                }
            }
            for (Future<Response> result : results) {
                assertThat(result.get().statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            }

            JsonNode all = send(cse, Operation.RETRIEVE, "cse-in/AE1/all", null, null).content().get("m2m:cnt");
            assertThat(all.get("cni").asLong()).isEqualTo(60)
                    .isEqualTo(store.countChildren(all.get("ri").asText(), ResourceType.CONTENT_INSTANCE));
            assertThat(all.get("st").asLong()).isEqualTo(60);

            JsonNode capped = send(cse, Operation.RETRIEVE, "cse-in/AE1/capped", null, null).content().get("m2m:cnt");
            var stored = store.children(capped.get("ri").asText(), ResourceType.CONTENT_INSTANCE, 0,
                    Integer.MAX_VALUE);
            long bytes = stored.stream().mapToLong(r -> r.attributes().get("cs").asLong()).sum();
            assertThat(capped.get("cni").asLong()).isEqualTo(stored.size()).isLessThanOrEqualTo(25);
            assertThat(capped.get("cbs").asLong()).isEqualTo(bytes).isLessThanOrEqualTo(200);
            assertThat(capped.get("st").asLong()).isEqualTo(60);
        }
    }

    private Response send(Cse cse, Operation op, String to, ResourceType type, String json) {
        Request.Builder request = Request.builder().operation(op).to(to).from(ADMIN).releaseVersion("3")
                .requestId("rq" + rqi.incrementAndGet());
        if (type != null) {
            request.resourceType(type);
        }
        if (json != null) {
            request.content(ContentCodec.parse(json));
        }
        return cse.send(request.build());
    }
}
