package org.oneedge.handover.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.oneedge.handover.registry.InMemoryServingRegistry;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Held downlinks when the CSE that serves the AE after the switch is down (a crash found by the bench's
 * HandoverCrashMatrixIT): they stay held, in order, and go out ahead of the next downlink once it is back.
 */
class DownlinkRouterRecoveryTest {

    private final ServingRegistry registry = new InMemoryServingRegistry();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private volatile boolean up;
    private final DownlinkRouter router = new DownlinkRouter(registry, cseId -> request -> {
        if (!up) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, cseId + " is down");
        }
        delivered.add(request.requestId());
        return Response.of(ResponseStatusCode.CREATED, null);
    }, Clock.systemUTC(), 10, Duration.ofMinutes(1));

    @Test
    void downlinks_held_for_a_cse_that_is_down_at_the_release_are_delivered_first_once_it_is_back() {
        registry.compareAndSet("Cdev1", ServingRegistry.ABSENT, ServingEntry.registered("Cdev1", "/id-mn1"));
        router.freeze("Cdev1");
        assertThat(router.send("Cdev1", downlink("d1")).statusCode()).isEqualTo(ResponseStatusCode.ACCEPTED);
        assertThat(router.send("Cdev1", downlink("d2")).statusCode()).isEqualTo(ResponseStatusCode.ACCEPTED);

        assertThat(router.release("Cdev1").delivered()).isZero();
        assertThat(router.send("Cdev1", downlink("d3")).statusCode()).isEqualTo(ResponseStatusCode.ACCEPTED);
        up = true;
        assertThat(router.send("Cdev1", downlink("d4")).statusCode()).isEqualTo(ResponseStatusCode.CREATED);

        assertThat(delivered).containsExactly("d1", "d2", "d3", "d4");
    }

    private static Request downlink(String rqi) {
        return Request.builder().operation(Operation.CREATE).to("-/dev/data").from("Capp").requestId(rqi)
                .releaseVersion("3").build();
    }
}
