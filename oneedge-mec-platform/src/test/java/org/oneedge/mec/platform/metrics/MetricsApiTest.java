package org.oneedge.mec.platform.metrics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.api.common.TimeStamp;
import org.oneedge.mec.api.metrics.HostMetrics;
import org.oneedge.mec.api.metrics.MecMetricsClient;
import org.oneedge.mec.api.metrics.MetricName;
import org.oneedge.mec.api.metrics.MetricsThresholdSubscription;
import org.oneedge.mec.api.metrics.ThresholdDirection;
import org.oneedge.mec.api.servicemgmt.MecServiceMgmtClient;
import org.oneedge.mec.platform.MecPlatform;
import org.oneedge.mec.platform.MecPlatformConfig;
import org.oneedge.mec.platform.NotificationReceiver;
import org.oneedge.mec.platform.TestHttp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MetricsApiTest {

    MecPlatform platform;
    NotificationReceiver receiver;
    MecMetricsClient metrics;
    String api;

    @BeforeEach
    void start() {
        platform = MecPlatform.builder()
                .config(MecPlatformConfig.builder().hostNames("mep1", "mep2", "local")
                        .expiryCheckInterval(Duration.ofMillis(50)).build())
                .hostMetrics("local", new JvmHostMetrics())
                .build().start();
        receiver = new NotificationReceiver();
        metrics = new MecMetricsClient(platform.baseUrl());
        api = platform.baseUrl() + "/metrics/v1";
    }

    @AfterEach
    void stop() {
        platform.close();
        receiver.close();
    }

    EmulatedHostMetrics mep1() {
        return platform.context().hostMetrics().emulated("mep1").orElseThrow();
    }

    @Test
    void reports_emulated_and_local_host_figures() {
        mep1().set(new HostMetricsSample(0.25, 1L << 30, 8L << 30, 2e6, 12.5, 0.4));

        List<HostMetrics> all = metrics.hosts();
        HostMetrics one = metrics.host("mep1");
        HostMetrics local = metrics.host("local");
        var hostView = TestHttp.get(platform.baseUrl() + "/mep2/metrics/v1/hosts");

        assertThat(all).extracting(HostMetrics::hostName).containsExactly("mep1", "mep2", "local");
        assertThat(one.cpuLoad()).isEqualTo(0.25);
        assertThat(one.memoryTotal()).isEqualTo(8L << 30);
        assertThat(one.networkThroughputBps()).isEqualTo(2e6);
        assertThat(one.latencyMs()).isEqualTo(12.5);
        assertThat(one.radioLoad()).isEqualTo(0.4);
        assertThat(one.links().self().href()).isEqualTo(api + "/hosts/mep1");
        assertThat(local.memoryTotal()).isPositive();
        assertThat(local.memoryUsed()).isPositive();
        assertThat(local.cpuLoad()).isBetween(0.0, 1.0);
        assertThat(hostView.json()).hasSize(1);
        assertThat(hostView.json().get(0).get("hostName").asText()).isEqualTo("mep2");
    }

    @Test
    void notifies_each_crossing_of_the_threshold_in_the_subscribed_direction() {
        var subscription = metrics.subscribe(MetricsThresholdSubscription.of(receiver.url(), "mep1",
                MetricName.CPU_LOAD, 0.8, ThresholdDirection.ABOVE));
        assertThat(subscription.links().self().href()).startsWith(api + "/subscriptions/");

        mep1().update(s -> s.withCpuLoad(0.9));
        mep1().update(s -> s.withCpuLoad(0.95));
        await().untilAsserted(() -> assertThat(receiver.received()).hasSize(1));
        mep1().update(s -> s.withCpuLoad(0.5));
        platform.context().hostMetrics().emulated("mep2").orElseThrow().update(s -> s.withCpuLoad(0.99));
        mep1().update(s -> s.withCpuLoad(0.85));

        await().untilAsserted(() -> assertThat(receiver.received()).hasSize(2));
        var n = receiver.received().getFirst();
        assertThat(n.get("notificationType").asText()).isEqualTo("MetricsThresholdNotification");
        assertThat(n.get("hostName").asText()).isEqualTo("mep1");
        assertThat(n.get("metric").asText()).isEqualTo("cpuLoad");
        assertThat(n.get("value").asDouble()).isEqualTo(0.9);
        assertThat(n.at("/_links/subscription/href").asText()).isEqualTo(subscription.links().self().href());
        assertThat(receiver.received().get(1).get("value").asDouble()).isEqualTo(0.85);
    }

    @Test
    void notifies_falling_below_for_any_host_and_expires_with_a_notification() {
        mep1().update(s -> s.withRadioLoad(0.9));
        long soon = Instant.now().plusSeconds(2).getEpochSecond();
        var body = new MetricsThresholdSubscription(MetricsThresholdSubscription.TYPE, receiver.url(), null,
                MetricName.RADIO_LOAD, 0.5, ThresholdDirection.BELOW, new TimeStamp(soon, 0), null);
        var created = TestHttp.post(api + "/subscriptions", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).hasValue(created.json().at("/_links/self/href").asText());

        mep1().update(s -> s.withRadioLoad(0.3));

        await().untilAsserted(() -> assertThat(receiver.ofType("MetricsThresholdNotification")).hasSize(1));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(receiver.ofType("ExpiryNotification")).hasSize(1));
        assertThat(metrics.subscriptions()).isEmpty();
    }

    @Test
    void rejects_bad_subscriptions_and_unknown_hosts_with_problem_details() {
        String ok = "\"subscriptionType\":\"MetricsThresholdSubscription\",\"callbackReference\":\"" + receiver.url()
                + "\"";
        var badMetric = TestHttp.post(api + "/subscriptions", "{" + ok
                + ",\"metric\":\"temperature\",\"threshold\":1,\"direction\":\"ABOVE\"}");
        var badDirection = TestHttp.post(api + "/subscriptions", "{" + ok
                + ",\"metric\":\"cpuLoad\",\"threshold\":1,\"direction\":\"SIDEWAYS\"}");
        var noThreshold = TestHttp.post(api + "/subscriptions", "{" + ok + ",\"metric\":\"cpuLoad\",\"direction\":\"ABOVE\"}");
        var unknownHost = TestHttp.post(api + "/subscriptions", "{" + ok
                + ",\"hostName\":\"mep9\",\"metric\":\"cpuLoad\",\"threshold\":1,\"direction\":\"ABOVE\"}");
        var malformed = TestHttp.post(api + "/subscriptions", "nope");
        var unknownHostMetrics = TestHttp.get(api + "/hosts/mep9");
        var unknownSubscription = TestHttp.get(api + "/subscriptions/metricsub-99");

        for (var bad : List.of(badMetric, badDirection, noThreshold, unknownHost, malformed)) {
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            assertThat(bad.json().get("status").asInt()).isEqualTo(400);
            assertThat(bad.json().get("detail").asText()).isNotBlank();
        }
        assertThat(badMetric.json().get("detail").asText()).contains("temperature");
        assertThat(noThreshold.json().get("detail").asText()).contains("threshold");
        assertThat(unknownHostMetrics.status()).isEqualTo(404);
        assertThat(unknownSubscription.status()).isEqualTo(404);
        assertThat(metrics.subscriptions()).isEmpty();
    }

    @Test
    void is_registered_as_a_metrics_service() {
        var found = new MecServiceMgmtClient(platform.baseUrl()).discover(
                MecServiceMgmtClient.Query.byCategory("Metrics"));

        assertThat(found).extracting(s -> s.endpointUri().orElseThrow())
                .contains(api, platform.baseUrl() + "/mep1/metrics/v1");
    }
}
