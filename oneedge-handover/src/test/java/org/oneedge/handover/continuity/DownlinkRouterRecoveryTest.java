package org.oneedge.handover.continuity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

        assertThat(router.release("Cdev1").delivered()).as("handed on for delivery").isEqualTo(2);
        assertThat(router.send("Cdev1", downlink("d3")).statusCode()).isEqualTo(ResponseStatusCode.ACCEPTED);
        up = true;
        assertThat(router.send("Cdev1", downlink("d4")).statusCode()).isEqualTo(ResponseStatusCode.CREATED);

        assertThat(delivered).containsExactly("d1", "d2", "d3", "d4");
    }

    @Test
    void the_release_does_not_wait_for_a_busy_cse_and_a_downlink_sent_meanwhile_goes_after_the_held_ones()
            throws Exception {
        CountDownLatch answering = new CountDownLatch(1);
        List<String> arrived = new CopyOnWriteArrayList<>();
        DownlinkRouter slow = new DownlinkRouter(registry, cseId -> request -> {
            arrived.add(request.requestId());
            try {
                answering.await(10, TimeUnit.SECONDS); // a CSE busy with telemetry
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Response.of(ResponseStatusCode.CREATED, null);
        }, Clock.systemUTC(), 10, Duration.ofMinutes(1));
        registry.compareAndSet("Cdev2", ServingRegistry.ABSENT, ServingEntry.registered("Cdev2", "/id-mn1"));
        slow.freeze("Cdev2");
        slow.send("Cdev2", downlink("d1"));
        slow.send("Cdev2", downlink("d2"));

        DownlinkHold.Released<Request> released = slow.release("Cdev2"); // returns while d1 waits for its answer
        assertThat(released.delivered()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> arrived.contains("d1"));
        Thread later = Thread.ofVirtual().start(() -> slow.send("Cdev2", downlink("d3")));
        answering.countDown();
        later.join(Duration.ofSeconds(10));

        assertThat(arrived).containsExactly("d1", "d2", "d3");
    }

    private static Request downlink(String rqi) {
        return Request.builder().operation(Operation.CREATE).to("-/dev/data").from("Capp").requestId(rqi)
                .releaseVersion("3").build();
    }
}
