package org.oneedge.mec.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.platform.NotificationReceiver;
import org.oneedge.mec.platform.TestHttp;
import org.oneedge.mec.platform.emulator.EmulatedMec;

class EmulatedRadioLoadTest {

    EmulatedMec mec;
    NotificationReceiver receiver;
    HostMetricsSources sources;

    @BeforeEach
    void start() {
        mec = EmulatedMec.start();
        receiver = new NotificationReceiver();
        sources = mec.platform.context().hostMetrics();
        mec.emulator.addListener(new EmulatedRadioLoad(mec.emulator, sources));
        mec.advance(Duration.ofSeconds(1)); // both UEs attach in zone-a
    }

    @AfterEach
    void stop() {
        receiver.close();
        mec.close();
    }

    @Test
    void radio_load_of_each_host_is_its_share_of_the_ues_and_follows_host_changes() {
        assertThat(sources.source("mec-host-a").read().radioLoad()).isEqualTo(1.0);
        assertThat(sources.source("mec-host-b").read().radioLoad()).isZero();

        mec.advance(Duration.ofSeconds(45)); // UE 10.0.0.1 is served by mec-host-b by now

        assertThat(sources.source("mec-host-a").read().radioLoad()).isEqualTo(0.5);
        assertThat(sources.source("mec-host-b").read().radioLoad()).isEqualTo(0.5);
    }

    @Test
    void a_threshold_subscription_is_notified_when_a_ue_moves_to_the_host() {
        var created = TestHttp.post(mec.url("/metrics/v1/subscriptions"), """
                {"subscriptionType":"MetricsThresholdSubscription","callbackReference":"%s","hostName":"mec-host-b",
                 "metric":"radioLoad","threshold":0.4,"direction":"ABOVE"}""".formatted(receiver.url()));
        assertThat(created.status()).isEqualTo(201);

        mec.advance(Duration.ofSeconds(45));

        await().until(() -> receiver.received().size() == 1);
        assertThat(receiver.received().getFirst().get("hostName").asText()).isEqualTo("mec-host-b");
        assertThat(receiver.received().getFirst().get("value").asDouble()).isEqualTo(0.5);
    }
}
