package org.oneedge.cse.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oneedge.model.Operation;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class NotificationDispatcherTest {

    private static final NotificationDispatcher.Settings SETTINGS =
            new NotificationDispatcher.Settings(Duration.ofSeconds(10), 3, Duration.ofMillis(5), Duration.ofMillis(20), 1000);

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    private final List<Delivery> failed = new CopyOnWriteArrayList<>();
    private final CountDownLatch deadTargetRelease = new CountDownLatch(1);
    private final AtomicInteger deadTargetCalls = new AtomicInteger();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private NotificationDispatcher dispatcher;

    /** http://good answers 2000, http://dead hangs until released, http://down always answers 5103. */
    private final RemoteSender sender = new RemoteSender() {
        @Override
        public boolean supports(String pointOfAccess) {
            return pointOfAccess.startsWith("http://");
        }

        @Override
        public Response send(String pointOfAccess, Request request) {
            if (pointOfAccess.startsWith("http://dead")) {
                deadTargetCalls.incrementAndGet();
                try {
                    deadTargetRelease.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Response.of(ResponseStatusCode.TARGET_NOT_REACHABLE, null);
            }
            if (pointOfAccess.startsWith("http://down")) {
                flakyCalls.incrementAndGet();
                return Response.of(ResponseStatusCode.TARGET_NOT_REACHABLE, null);
            }
            received.add(pointOfAccess + " " + request.requestId());
            return Response.of(ResponseStatusCode.OK, null);
        }
    };

    private final DeliveryListener listener = new DeliveryListener() {
        @Override
        public void delivered(Delivery delivery) {
            delivered.add(delivery);
        }

        @Override
        public void failed(Delivery delivery, Response lastResponse) {
            failed.add(delivery);
        }
    };

    @AfterEach
    void tearDown() {
        deadTargetRelease.countDown();
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private static Delivery delivery(String url, int n) {
        return new Delivery("sub1", url, url, Request.builder().operation(Operation.NOTIFY).to(url).from("/id-in")
                .requestId(String.valueOf(n)).build());
    }

    @Test
    void keeps_the_order_of_deliveries_per_target() {
        dispatcher = new NotificationDispatcher(List.of(sender), SETTINGS, listener);
        dispatcher.start();
        for (int i = 0; i < 200; i++) {
            assertThat(dispatcher.dispatch(delivery("http://good/a", i))).isTrue();
        }
        await().until(() -> received.size() == 200);
        for (int i = 0; i < 200; i++) {
            assertThat(received.get(i)).isEqualTo("http://good/a " + i);
        }
        assertThat(delivered).hasSize(200);
    }

    @Test
    void a_hanging_target_does_not_delay_another_target() {
        dispatcher = new NotificationDispatcher(List.of(sender), SETTINGS, listener);
        dispatcher.start();
        dispatcher.dispatch(delivery("http://dead/x", 0));
        dispatcher.dispatch(delivery("http://dead/x", 1));
        await().until(() -> deadTargetCalls.get() == 1);
        for (int i = 0; i < 50; i++) {
            dispatcher.dispatch(delivery("http://good/b", i));
        }
        await().until(() -> received.size() == 50);
        // the dead target is still stuck in its very first attempt while the other one got everything
        assertThat(deadTargetCalls.get()).isEqualTo(1);
        assertThat(failed).isEmpty();
    }

    @Test
    void retries_then_reports_the_failure_once() {
        dispatcher = new NotificationDispatcher(List.of(sender), SETTINGS, listener);
        dispatcher.start();
        dispatcher.dispatch(delivery("http://down/c", 7));
        await().until(() -> failed.size() == 1);
        assertThat(flakyCalls.get()).isEqualTo(3);
        assertThat(failed.getFirst().request().requestId()).isEqualTo("7");
        assertThat(delivered).isEmpty();
    }

    @Test
    void discards_waiting_deliveries_of_a_removed_target() {
        dispatcher = new NotificationDispatcher(List.of(sender), SETTINGS, listener);
        dispatcher.start();
        dispatcher.dispatch(delivery("http://dead/q", 0));
        await().until(() -> deadTargetCalls.get() == 1);
        dispatcher.dispatch(delivery("http://dead/q", 1));
        dispatcher.dispatch(delivery("http://dead/q", 2));
        assertThat(dispatcher.discard("sub1", "http://dead/q")).isEqualTo(2);
        assertThat(dispatcher.discard("sub1", "http://dead/q")).isZero();
    }

    @Test
    void a_latest_notification_replaces_the_waiting_ones_of_its_subscription_and_target() {
        dispatcher = new NotificationDispatcher(List.of(sender), SETTINGS, listener);
        dispatcher.start();
        dispatcher.dispatch(delivery("http://dead/ln", 0));
        await().until(() -> deadTargetCalls.get() == 1);
        for (int i = 1; i <= 3; i++) {
            Delivery d = delivery("http://dead/ln", i);
            dispatcher.dispatch(new Delivery(d.subscriptionRi(), d.target(), d.url(),
                    d.request().toBuilder().eventCategory("4").build()));
        }
        dispatcher.dispatch(new Delivery("sub2", "http://dead/ln", "http://dead/ln",
                delivery("http://dead/ln", 9).request().toBuilder().eventCategory("4").build()));

        assertThat(dispatcher.discard("sub1", "http://dead/ln")).isEqualTo(1);
        assertThat(dispatcher.discard("sub2", "http://dead/ln")).isEqualTo(1);
    }

    @Test
    void a_timed_out_attempt_counts_as_failed() {
        dispatcher = new NotificationDispatcher(List.of(sender),
                new NotificationDispatcher.Settings(Duration.ofMillis(50), 2, Duration.ofMillis(1), Duration.ofMillis(1), 10),
                listener);
        dispatcher.start();
        Response answer = dispatcher.sendNow("http://dead/y", delivery("http://dead/y", 1).request());
        assertThat(answer.statusCode()).isEqualTo(ResponseStatusCode.REQUEST_TIMEOUT);
    }

    @Test
    void refuses_urls_no_sender_supports_and_full_queues() {
        dispatcher = new NotificationDispatcher(List.of(sender),
                new NotificationDispatcher.Settings(Duration.ofSeconds(10), 1, Duration.ofMillis(1), Duration.ofMillis(1), 2),
                listener);
        dispatcher.start();
        assertThat(dispatcher.canReach("mqtt://broker/topic")).isFalse();
        assertThat(dispatcher.sendNow("mqtt://broker/topic", delivery("mqtt://x", 1).request()).statusCode())
                .isEqualTo(ResponseStatusCode.TARGET_NOT_REACHABLE);
        dispatcher.dispatch(delivery("http://dead/z", 0));
        await().until(() -> deadTargetCalls.get() == 1);
        assertThat(dispatcher.dispatch(delivery("http://dead/z", 1))).isTrue();
        assertThat(dispatcher.dispatch(delivery("http://dead/z", 2))).isTrue();
        assertThat(dispatcher.dispatch(delivery("http://dead/z", 3))).isFalse();
    }
}
