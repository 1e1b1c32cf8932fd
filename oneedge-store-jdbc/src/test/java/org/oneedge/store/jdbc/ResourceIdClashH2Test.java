package org.oneedge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.Write;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The engine's {@code ri} counter starts at a random number per run; on the H2 store a row of an earlier run with the
 * very {@code ri} the counter produces next makes the engine pick a new start and retry the CREATE once (the unique
 * violation names the taken {@code ri} through the group commit), instead of answering 4105.
 */
class ResourceIdClashH2Test {

    private final AtomicLong rqi = new AtomicLong();

    @Test
    void a_create_meeting_an_earlier_runs_ri_gets_a_new_ri_and_leaves_the_old_row_alone() {
        try (JdbcResourceStore store = H2MemoryResourceStoreTest.openStore();
             Cse cse = Cse.builder().store(store).build()) {
            cse.start();
            JsonNode box = send(cse, "cse-in", "{\"m2m:cnt\":{\"rn\":\"box\"}}").content().path("m2m:cnt");
            String next = "cnt" + (Long.parseLong(box.path("ri").asText().substring(3)) + 1);
            Instant then = Instant.parse("2020-01-01T00:00:00Z");
            ObjectNode old = (ObjectNode) ContentCodec.parse("{\"ri\":\"" + next + "\",\"rn\":\"old\",\"pi\":\""
                    + box.path("ri").asText() + "\",\"ty\":3,\"st\":0,\"cni\":0,\"cbs\":0,\"lbl\":[\"earlier-run\"]}");
            store.apply(new Write.Create(new Resource(next, box.path("ri").asText(), ResourceType.CONTAINER, "old",
                    "cse-in/box/old", then, then, null, old)));

            Response created = send(cse, "cse-in/box", "{\"m2m:cnt\":{\"rn\":\"new\"}}");

            assertThat(created.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            assertThat(created.content().at("/m2m:cnt/ri").asText()).isNotEqualTo(next);
            assertThat(store.get(next).orElseThrow().path()).isEqualTo("cse-in/box/old");
            assertThat(store.get(next).orElseThrow().attributes().at("/lbl/0").asText()).isEqualTo("earlier-run");
            assertThat(store.getByPath("cse-in/box/new")).isPresent();
        }
    }

    private Response send(Cse cse, String to, String json) {
        return cse.send(Request.builder().operation(Operation.CREATE).to(to).from("CAdmin").releaseVersion("3")
                .requestId("rq" + rqi.incrementAndGet()).resourceType(ResourceType.CONTAINER)
                .content(ContentCodec.parse(json)).build());
    }
}
