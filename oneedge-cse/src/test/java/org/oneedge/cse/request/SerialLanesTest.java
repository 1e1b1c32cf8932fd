package org.oneedge.cse.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SerialLanesTest {

    @Test
    void tasks_of_one_key_run_one_after_the_other_in_the_order_handed_in_while_other_keys_go_on() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            SerialLanes lanes = new SerialLanes(threads);
            lanes.execute("/id-mn1", () -> {
                waitFor(firstMayEnd);
                ran.add("mn1-a");
            });
            for (int i = 0; i < 20; i++) {
                String name = "mn1-" + i;
                lanes.execute("/id-mn1", () -> ran.add(name));
            }
            lanes.execute("/id-mn2", () -> ran.add("mn2"));

            await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains("mn2")); // not held up by mn1's lane
            assertThat(ran).containsExactly("mn2");
            firstMayEnd.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 22);
        }
        assertThat(ran.subList(1, 22)).containsExactly(java.util.stream.Stream.concat(
                java.util.stream.Stream.of("mn1-a"),
                java.util.stream.IntStream.range(0, 20).mapToObj(i -> "mn1-" + i)).toArray(String[]::new));
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
