package org.oneedge.cse.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.oneedge.cse.Cse;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.store.InMemoryResourceStore;
import org.oneedge.model.ContentCodec;

class MccOutboxTest {

    private static final MccOutbox.Settings FAST = MccOutbox.Settings.defaults()
            .withRetryInterval(Duration.ofMillis(20)).withMaxRetryInterval(Duration.ofMillis(100));

    @Test
    void an_item_whose_send_is_cut_short_by_a_stop_stays_stored_for_the_next_start() throws Exception {
        InMemoryResourceStore store = new InMemoryResourceStore();
        CseConfig config = CseConfig.defaults();
        Cse.builder().config(config).store(store).build().start(); // the CSEBase the items live under
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        MccOutbox first = new MccOutbox("test", config, store, Clock.systemUTC(), FAST, item -> {
            sending.countDown();
            try {
                never.await(); // a send that hangs until the stop interrupts it
                return MccOutbox.Result.DONE;
            } catch (InterruptedException e) {
                throw new IllegalStateException("send interrupted", e);
            }
        });
        first.start();
        first.add(ContentCodec.parse("{\"n\":1}"));
        sending.await();

        first.close();

        MccOutbox second = new MccOutbox("test", config, store, Clock.systemUTC(), FAST,
                item -> MccOutbox.Result.RETRY);
        second.linkUp(() -> false);
        second.start();
        try {
            assertThat(second.size()).as("the interrupted item was not dropped").isEqualTo(1);
        } finally {
            second.close();
        }
    }

    @Test
    void a_sent_item_is_removed_and_a_refused_hop_keeps_it() {
        InMemoryResourceStore store = new InMemoryResourceStore();
        CseConfig config = CseConfig.defaults();
        Cse.builder().config(config).store(store).build().start();
        java.util.concurrent.atomic.AtomicBoolean reachable = new java.util.concurrent.atomic.AtomicBoolean();
        try (MccOutbox outbox = new MccOutbox("test", config, store, Clock.systemUTC(), FAST,
                item -> reachable.get() ? MccOutbox.Result.DONE : MccOutbox.Result.RETRY)) {
            outbox.start();
            outbox.add(ContentCodec.parse("{\"n\":1}"));
            assertThat(outbox.size()).isEqualTo(1);
            reachable.set(true);
            outbox.wake();
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.size() == 0);
        }
    }
}
