package org.oneedge.handover.continuity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.InProcessCse;
import org.oneedge.handover.registry.InMemoryServingRegistry;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Downlinks answered 1000 ACCEPTED while their AE migrates survive the coordinator's process: kept at the IN-CSE
 * ({@link CseHeldDownlinks}) and delivered, in order and once, by the router that starts next.
 */
class HeldDownlinksRecoveryTest {

    private final InProcessCse in = InProcessCse.in();
    private final ServingRegistry registry = new InMemoryServingRegistry();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final CseClient mn = request -> {
        delivered.add(request.requestId() + ":" + request.content().path("m2m:cin").path("con").asText());
        return Response.of(ResponseStatusCode.CREATED, null);
    };

    HeldDownlinksRecoveryTest() {
        assertThat(in.registerAe("CoeHandover", "oeHandover").statusCode()).isEqualTo(ResponseStatusCode.CREATED);
    }

    @AfterEach
    void close() {
        in.close();
    }

    private DownlinkRouter router() {
        return new DownlinkRouter(registry, cseId -> mn, Clock.systemUTC(), 10, Duration.ofMinutes(1),
                new CseHeldDownlinks(in.as("CoeHandover"), "cse-in/oeHandover"));
    }

    @Test
    void downlinks_held_by_a_router_that_died_are_delivered_in_order_once_by_the_next_one() {
        ServingEntry serving = ServingEntry.registered("Cdev1", "/id-mn1");
        registry.compareAndSet("Cdev1", ServingRegistry.ABSENT, serving);
        DownlinkRouter dying = router();
        dying.freeze("Cdev1");
        registry.compareAndSet("Cdev1", serving.epoch(), serving.migrating("tx1"));
        for (String v : List.of("a", "b", "c")) {
            assertThat(dying.send("Cdev1", downlink("d-" + v, v)).statusCode())
                    .isEqualTo(ResponseStatusCode.ACCEPTED);
        }
        // the coordinator's process dies here; its resumed handover switched the AE to /id-mn2
        registry.compareAndSet("Cdev1", serving.epoch(), serving.migrating("tx1").switchedTo("/id-mn2"));

        DownlinkRouter next = router();

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 3);
        assertThat(delivered).containsExactly("d-a:a", "d-b:b", "d-c:c");
        assertThat(new CseHeldDownlinks(in.as("CoeHandover"), "cse-in/oeHandover").all()).isEmpty();
        assertThat(next.send("Cdev1", downlink("d-d", "d")).statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(delivered).containsExactly("d-a:a", "d-b:b", "d-c:c", "d-d:d");
    }

    private static Request downlink(String rqi, String value) {
        return Request.builder().operation(Operation.CREATE).to("-/aeCdev1/cmd").from("Capp").requestId(rqi)
                .releaseVersion("3").resourceType(4)
                .content(org.oneedge.model.ContentCodec.parse("{\"m2m:cin\":{\"con\":\"" + value + "\"}}")).build();
    }
}
