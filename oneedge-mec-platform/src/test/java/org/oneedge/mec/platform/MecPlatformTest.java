package org.oneedge.mec.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.common.TimeStamp;
import org.oneedge.mec.platform.http.Routes;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MecPlatformTest {

    record Echo(String name) {
        Echo {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name is required");
            }
        }
    }

    /** A tiny API that shows what handlers see. */
    static final class EchoApi implements MecApi {
        final SubscriptionRegistry<Map<String, String>> subscriptions;
        final MecPlatformContext ctx;

        EchoApi(MecPlatformContext ctx) {
            this.ctx = ctx;
            this.subscriptions = ctx.newSubscriptionRegistry("sub-");
            subscriptions.onExpiry(e -> ctx.notifications().send(e.callback(),
                    Map.of("notificationType", "ExpiryNotification", "id", e.id())));
        }

        @Override
        public String basePath() {
            return "/echo/v1";
        }

        @Override
        public void register(Routes routes) {
            routes.get("/things/{id}", ex -> {
                if (!ex.pathParam("id").equals("known")) {
                    throw MecProblemException.notFound("no thing '" + ex.pathParam("id") + "'");
                }
                ex.ok(Map.of("host", String.valueOf(ex.hostName()), "self", ex.href("/things/known")));
            });
            routes.post("/things", ex -> {
                Echo echo = ex.body(Echo.class);
                ex.created(ex.href("/things/" + echo.name()), echo);
            });
            routes.post("/subscriptions", ex -> {
                var body = ex.bodyTree();
                var deadline = ex.convert(body.path("expiryDeadline"), TimeStamp.class).toInstant();
                var e = subscriptions.add(ex.hostName(), null, URI.create(body.path("callbackReference").asText()),
                        deadline, id -> Map.of("id", id));
                ex.created(ex.href("/subscriptions/" + e.id()), e.subscription());
            });
        }
    }

    MecPlatform platform;
    NotificationReceiver receiver;

    @BeforeEach
    void start() {
        platform = MecPlatform.builder()
                .config(MecPlatformConfig.builder().hostNames("mep1", "mep2")
                        .expiryCheckInterval(java.time.Duration.ofMillis(50)).build())
                .api(EchoApi::new).build().start();
        receiver = new NotificationReceiver();
    }

    @AfterEach
    void stop() {
        platform.close();
        receiver.close();
    }

    @Test
    void serves_each_route_system_wide_and_per_mec_host() {
        var root = TestHttp.get(platform.baseUrl() + "/echo/v1/things/known");
        var mep2 = TestHttp.get(platform.baseUrl() + "/mep2/echo/v1/things/known");

        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().get("host").asText()).isEqualTo("null");
        assertThat(root.json().get("self").asText()).isEqualTo(platform.baseUrl() + "/echo/v1/things/known");
        assertThat(mep2.json().get("host").asText()).isEqualTo("mep2");
        assertThat(mep2.json().get("self").asText()).isEqualTo(platform.baseUrl() + "/mep2/echo/v1/things/known");
    }

    @Test
    void answers_problem_details_for_unknown_host_id_path_and_method() {
        var unknownHost = TestHttp.get(platform.baseUrl() + "/mep9/echo/v1/things/known");
        var unknownId = TestHttp.get(platform.baseUrl() + "/echo/v1/things/other");
        var unknownPath = TestHttp.get(platform.baseUrl() + "/nothing/here");
        var wrongMethod = TestHttp.delete(platform.baseUrl() + "/echo/v1/things");

        assertThat(unknownHost.status()).isEqualTo(404);
        assertThat(unknownHost.json().get("detail").asText()).contains("mep9");
        assertThat(unknownHost.header("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(unknownId.json().get("detail").asText()).contains("other");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.json().get("status").asInt()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("status").asInt()).isEqualTo(405);
    }

    @Test
    void rejects_malformed_and_invalid_bodies_with_400_and_a_reason() {
        var notJson = TestHttp.post(platform.baseUrl() + "/echo/v1/things", "{not json");
        var invalid = TestHttp.post(platform.baseUrl() + "/echo/v1/things", "{\"name\":\"\"}");
        var ok = TestHttp.post(platform.baseUrl() + "/echo/v1/things", "{\"name\":\"a\"}");

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("detail").asText()).contains("not valid JSON");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("detail").asText()).contains("name is required");
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.header("Location")).hasValue(platform.baseUrl() + "/echo/v1/things/a");
    }

    @Test
    void expires_subscriptions_at_their_deadline_and_notifies_the_subscriber() {
        long past = Instant.now().getEpochSecond() - 1;
        var created = TestHttp.post(platform.baseUrl() + "/echo/v1/subscriptions",
                "{\"callbackReference\":\"" + receiver.url() + "\",\"expiryDeadline\":{\"seconds\":" + past
                        + ",\"nanoSeconds\":0}}");

        assertThat(created.status()).isEqualTo(201);
        await().untilAsserted(() -> assertThat(receiver.ofType("ExpiryNotification")).hasSize(1));
    }

    @Test
    void retries_a_failed_notification() {
        receiver.failNext(1);
        platform.context().notifications().send(URI.create(receiver.url()), Map.of("notificationType", "X"));

        await().untilAsserted(() -> assertThat(receiver.ofType("X")).hasSize(1));
    }
}
