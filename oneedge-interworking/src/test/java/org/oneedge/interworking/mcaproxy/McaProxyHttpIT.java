package org.oneedge.interworking.mcaproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.interworking.CseTestbed;
import org.oneedge.interworking.MecTestbed;
import org.oneedge.mec.api.appsupport.MecAppSupportClient;
import org.oneedge.mec.api.appsupport.OperationActionType;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.servicemgmt.MecServiceMgmtClient;
import org.oneedge.mec.api.servicemgmt.ServiceInfo;

/**
 * Device -> Mca proxy -> registrar CSE over real sockets (TS-0009 on both legs): round trips, the CSE's access control
 * on the unchanged originator, the proxy's own token check, and the errors for what it cannot forward.
 */
class McaProxyHttpIT {

    private static final String TOKEN = "edge-proxy-token";
    private static final String DEVICE = "Cdevice1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger rqi = new AtomicInteger();
    private CseTestbed cse;
    private McaProxy proxy;

    @BeforeEach
    void givenACseAndAProxyInFrontOfIt() {
        cse = CseTestbed.start();
        proxy = new McaProxy(McaProxyConfig.builder().registrarCseId(CseTestbed.CSE_ID).registrarPoa(cse.baseUrl())
                .httpHost("127.0.0.1").tokens(Set.of(TOKEN)).maxBodyBytes(4096).build()).start();
    }

    @AfterEach
    void tearDown() {
        proxy.close();
        cse.close();
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void relays_registration_create_and_retrieve_with_the_devices_originator() throws Exception {
        HttpResponse<String> ae = registerDevice(DEVICE, "device1", true);
        assertThat(ae.statusCode()).isEqualTo(201);
        assertThat(ae.headers().firstValue("X-M2M-RSC")).hasValue("2001");
        assertThat(ae.headers().firstValue("X-M2M-Origin")).hasValue(CseTestbed.CSE_ID);
        assertThat(body(ae).at("/m2m:ae/aei").asText()).isEqualTo(DEVICE);

        HttpResponse<String> cnt = send("POST", "/" + CseTestbed.CSE_BASE + "/device1", DEVICE, 3,
                "{\"m2m:cnt\":{\"rn\":\"data\"}}", TOKEN);
        assertThat(cnt.headers().firstValue("X-M2M-RSC")).hasValue("2001");
        assertThat(body(cnt).at("/m2m:cnt/rn").asText()).isEqualTo("data");
        send("POST", "/" + CseTestbed.CSE_BASE + "/device1/data", DEVICE, 4, "{\"m2m:cin\":{\"con\":\"21.5\"}}", TOKEN);

        HttpResponse<String> latest = send("GET", "/" + CseTestbed.CSE_BASE + "/device1/data/la", DEVICE, null,
                null, TOKEN);
        assertThat(latest.headers().firstValue("X-M2M-RSC")).hasValue("2000");
        assertThat(body(latest).at("/m2m:cin/con").asText()).isEqualTo("21.5");
    }

    @Test
    void keeps_query_parameters_intact() throws Exception {
        registerDevice(DEVICE, "device1", true);
        send("POST", "/" + CseTestbed.CSE_BASE + "/device1", DEVICE, 3, "{\"m2m:cnt\":{\"rn\":\"a\"}}", TOKEN);
        send("POST", "/" + CseTestbed.CSE_BASE + "/device1", DEVICE, 3, "{\"m2m:cnt\":{\"rn\":\"b\"}}", TOKEN);

        HttpResponse<String> found = send("GET", "/" + CseTestbed.CSE_BASE + "/device1?fu=1&ty=3&rn=b", DEVICE,
                null, null, TOKEN);

        assertThat(body(found).get("m2m:uril").toString()).contains("device1/b").doesNotContain("device1/a");
    }

    @Test
    void delivers_notifications_to_a_device_without_reachability_through_its_polling_channel() throws Exception {
        registerDevice(DEVICE, "device1", false);
        String ae = "/" + CseTestbed.CSE_BASE + "/device1";
        assertThat(send("POST", ae, DEVICE, 15, "{\"m2m:pch\":{\"rn\":\"pch\"}}", TOKEN).statusCode()).isEqualTo(201);
        send("POST", ae, DEVICE, 3, "{\"m2m:cnt\":{\"rn\":\"data\"}}", TOKEN);
        assertThat(send("POST", ae + "/data", DEVICE, 23,
                "{\"m2m:sub\":{\"rn\":\"sub\",\"nu\":[\"" + DEVICE + "\"],\"enc\":{\"net\":[3]}}}", TOKEN)
                .statusCode()).isEqualTo(201);

        send("POST", ae + "/data", DEVICE, 4, "{\"m2m:cin\":{\"con\":\"open\"}}", TOKEN);

        HttpResponse<String> polled = await().atMost(Duration.ofSeconds(10)).until(
                () -> send("GET", ae + "/pch/pcu", DEVICE, null, null, TOKEN),
                r -> r.headers().firstValue("X-M2M-RSC").orElse("").equals("2000"));
        assertThat(polled.body()).contains("m2m:sgn").contains("open");
    }

    @Test
    void relays_a_notify_and_returns_the_registrars_answer() throws Exception {
        registerDevice(DEVICE, "device1", true);

        HttpResponse<String> direct = sendTo(cse.baseUrl(), "POST", "/" + CseTestbed.CSE_BASE + "/device1", DEVICE,
                null, "{\"m2m:sgn\":{\"sur\":\"x\"}}", null);
        HttpResponse<String> viaProxy = send("POST", "/" + CseTestbed.CSE_BASE + "/device1", DEVICE, null,
                "{\"m2m:sgn\":{\"sur\":\"x\"}}", TOKEN);

        assertThat(viaProxy.headers().firstValue("X-M2M-RSC")).isEqualTo(direct.headers().firstValue("X-M2M-RSC"));
        assertThat(viaProxy.statusCode()).isEqualTo(direct.statusCode());
    }

    @Test
    void forwards_every_onem2m_header_and_query_parameter_unchanged_and_drops_only_the_proxy_credential()
            throws Exception {
        java.util.concurrent.atomic.AtomicReference<org.oneedge.model.Request> seen =
                new java.util.concurrent.atomic.AtomicReference<>();
        try (var registrar = new org.oneedge.binding.http.HttpBindingServer(
                org.oneedge.binding.http.HttpBindingConfig.loopbackAnyPort(), request -> {
                    seen.set(request);
                    return org.oneedge.model.Response.of(org.oneedge.model.ResponseStatusCode.OK, null)
                            .withFrom(CseTestbed.CSE_ID);
                });
             McaProxy relay = startProxyTo(registrar)) {
            HttpRequest r = HttpRequest.newBuilder(URI.create(relay.httpUrl().orElseThrow()
                            + "/~/id-mn1/cse-mn1/device1?rcn=4&lvl=2&fu=1&ty=3&lbl=a%2Bb"))
                    .header("X-M2M-Origin", DEVICE).header("X-M2M-RI", "keep-me").header("X-M2M-RVI", "4")
                    .header("X-M2M-RTU", "http://dev/a&http://dev/b").header("X-M2M-VSI", "vendor-x")
                    .header("X-M2M-EC", "2").header("X-M2M-OT", "20260101T000000")
                    .header("Authorization", "Bearer cse-token-1+cse-token-2")
                    .header("X-OneEdge-Proxy-Authorization", "Bearer " + TOKEN).GET().build();

            HttpResponse<String> answer = http.send(r, HttpResponse.BodyHandlers.ofString());

            assertThat(answer.headers().firstValue("X-M2M-RSC")).hasValue("2000");
            assertThat(answer.headers().firstValue("X-M2M-RI")).hasValue("keep-me");
            org.oneedge.model.Request got = seen.get();
            assertThat(got.from()).isEqualTo(DEVICE);
            assertThat(got.requestId()).isEqualTo("keep-me");
            assertThat(got.to()).isEqualTo("/id-mn1/cse-mn1/device1");
            assertThat(got.releaseVersion()).isEqualTo("4");
            assertThat(got.resultContent()).isEqualTo(4);
            assertThat(got.responseTargets()).containsExactly("http://dev/a", "http://dev/b");
            assertThat(got.vendorInformation()).isEqualTo("vendor-x");
            assertThat(got.eventCategory()).isEqualTo("2");
            assertThat(got.originatingTimestamp()).isEqualTo("20260101T000000");
            assertThat(got.tokens()).containsExactly("cse-token-1", "cse-token-2");
            assertThat(got.filterCriteria().resourceTypes()).containsExactly(3);
            assertThat(got.filterCriteria().labels()).containsExactly("a+b");
            assertThat(got.filterCriteria().level()).isEqualTo(2);
            assertThat(got.toString()).doesNotContain(TOKEN);
        }
    }

    private McaProxy startProxyTo(org.oneedge.binding.http.HttpBindingServer registrar) {
        registrar.start();
        return new McaProxy(McaProxyConfig.builder().registrarCseId(CseTestbed.CSE_ID)
                .registrarPoa(registrar.baseUrl()).httpHost("127.0.0.1").tokens(Set.of(TOKEN)).build()).start();
    }

    // ---------------------------------------------------------------- access control stays with the CSE

    @Test
    void the_cses_access_control_still_refuses_a_foreign_originator_through_the_proxy() throws Exception {
        registerDevice(DEVICE, "device1", true);
        send("POST", "/" + CseTestbed.CSE_BASE + "/device1", DEVICE, 3, "{\"m2m:cnt\":{\"rn\":\"data\"}}", TOKEN);

        HttpResponse<String> foreign = send("GET", "/" + CseTestbed.CSE_BASE + "/device1/data", "Cintruder", null,
                null, TOKEN);

        assertThat(foreign.headers().firstValue("X-M2M-RSC")).hasValue("4103");
        assertThat(foreign.headers().firstValue("X-M2M-Origin")).hasValue(CseTestbed.CSE_ID);
    }

    // ---------------------------------------------------------------- the proxy's own refusals

    @Test
    void refuses_a_request_without_or_with_a_wrong_proxy_token_before_the_cse_sees_it() throws Exception {
        HttpResponse<String> none = registerDeviceWithToken(null);
        HttpResponse<String> wrong = registerDeviceWithToken("guess");

        for (HttpResponse<String> r : java.util.List.of(none, wrong)) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("X-M2M-RSC")).hasValue("4103");
            assertThat(body(r).get("m2m:dbg").asText()).contains("proxy token");
            assertThat(r.headers().firstValue("X-M2M-Origin")).isEmpty();
        }
        assertThat(sendTo(cse.baseUrl(), "GET", "/" + CseTestbed.CSE_BASE + "/device1", "CAdmin", null, null, null)
                .headers().firstValue("X-M2M-RSC")).hasValue("4004");
    }

    @Test
    void accepts_the_token_in_the_standard_proxy_authorization_header() throws Exception {
        registerDevice(DEVICE, "device1", true);
        URI u = URI.create(proxyUrl());
        try (java.net.Socket s = new java.net.Socket(u.getHost(), u.getPort())) {
            s.getOutputStream().write(("GET /" + CseTestbed.CSE_BASE + "/device1 HTTP/1.1\r\nHost: proxy\r\n"
                    + "X-M2M-Origin: " + DEVICE + "\r\nX-M2M-RI: raw1\r\nX-M2M-RVI: 3\r\n"
                    + "Proxy-Authorization: Bearer " + TOKEN + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("X-M2M-RSC: 2000")
                    .contains("\"aei\":\"" + DEVICE + "\"");
        }
    }

    @Test
    void refuses_an_oversize_body_and_a_malformed_request_with_a_debug_message() throws Exception {
        registerDevice(DEVICE, "device1", true);
        String big = "x".repeat(5000);

        HttpResponse<String> oversize = send("POST", "/" + CseTestbed.CSE_BASE + "/device1", DEVICE, 3,
                "{\"m2m:cnt\":{\"rn\":\"" + big + "\"}}", TOKEN);
        HttpRequest noRqi = HttpRequest.newBuilder(URI.create(proxyUrl() + "/" + CseTestbed.CSE_BASE))
                .header("X-M2M-Origin", DEVICE).header("X-M2M-RVI", "3")
                .header("X-OneEdge-Proxy-Authorization", "Bearer " + TOKEN).GET().build();
        HttpResponse<String> malformed = http.send(noRqi, HttpResponse.BodyHandlers.ofString());

        assertThat(oversize.headers().firstValue("X-M2M-RSC")).hasValue("4000");
        assertThat(body(oversize).get("m2m:dbg").asText()).contains("exceeds");
        assertThat(malformed.headers().firstValue("X-M2M-RSC")).hasValue("4000");
        assertThat(body(malformed).get("m2m:dbg").asText()).contains("X-M2M-RI");
    }

    @Test
    void answers_target_not_reachable_when_the_registrar_is_down() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (McaProxy orphan = new McaProxy(McaProxyConfig.builder().registrarCseId(CseTestbed.CSE_ID)
                .registrarPoa("http://127.0.0.1:" + closedPort).httpHost("127.0.0.1").tokens(Set.of(TOKEN))
                .forwardTimeout(Duration.ofSeconds(2)).build()).start()) {

            HttpResponse<String> r = sendTo(orphan.httpUrl().orElseThrow(), "GET", "/" + CseTestbed.CSE_BASE,
                    DEVICE, null, null, TOKEN);

            assertThat(r.headers().firstValue("X-M2M-RSC")).hasValue("5103");
            assertThat(body(r).get("m2m:dbg").asText()).contains(CseTestbed.CSE_ID).contains("cannot reach");
        }
    }

    // ---------------------------------------------------------------- MEC application

    @Test
    void registers_as_mec_application_and_is_discoverable_as_a_mec_service() {
        try (MecTestbed mec = MecTestbed.start();
             McaProxy onMec = new McaProxy(McaProxyConfig.builder().registrarCseId(CseTestbed.CSE_ID)
                     .registrarPoa(cse.baseUrl()).httpHost("127.0.0.1")
                     .mecPlatformUrl(mec.hostUrl("mec-host-a")).build()).start()) {
            MecServiceMgmtClient registry = new MecServiceMgmtClient(mec.hostUrl("mec-host-a"));

            var found = registry.discover(MecServiceMgmtClient.Query.byName("oneM2M-McaProxy-id-mn1"));

            assertThat(found).extracting(ServiceInfo::serName).containsExactly("oneM2M-McaProxy-id-mn1");
            assertThat(found.get(0).endpointUri()).hasValue(onMec.httpUrl().orElseThrow());

            onMec.stop();
            assertThat(registry.discover(MecServiceMgmtClient.Query.byName("oneM2M-McaProxy-id-mn1"))).isEmpty();
        }
    }

    @Test
    void stops_relaying_and_leaves_the_platform_when_the_platform_terminates_its_mec_application() throws Exception {
        try (MecTestbed mec = MecTestbed.start();
             McaProxy onMec = new McaProxy(McaProxyConfig.builder().registrarCseId(CseTestbed.CSE_ID)
                     .registrarPoa(cse.baseUrl()).httpHost("127.0.0.1").tokens(Set.of(TOKEN))
                     .mecPlatformUrl(mec.hostUrl("mec-host-a")).build()).start()) {
            String url = onMec.httpUrl().orElseThrow();
            String app = onMec.appInstanceId().orElseThrow();
            HttpResponse<String> relayed = sendTo(url, "GET", "/" + CseTestbed.CSE_BASE, DEVICE, null, null, TOKEN);
            assertThat(relayed.headers().firstValue("X-M2M-Origin")).as("answered by the registrar")
                    .hasValue(CseTestbed.CSE_ID);

            CompletableFuture<Boolean> confirmed = mec.platform.context().appInstances()
                    .requestShutdown(app, OperationActionType.TERMINATING);

            assertThat(confirmed.get(5, TimeUnit.SECONDS)).as("confirm_termination within the grace period").isTrue();
            await().atMost(Duration.ofSeconds(5)).until(onMec::terminated);
            HttpResponse<String> refused = sendTo(url, "GET", "/" + CseTestbed.CSE_BASE, DEVICE, null, null, TOKEN);
            assertThat(refused.headers().firstValue("X-M2M-RSC")).hasValue("5103");
            assertThat(refused.headers().firstValue("X-M2M-Origin")).as("not relayed").isEmpty();
            assertThat(body(refused).get("m2m:dbg").asText()).contains("no longer relays")
                    .contains("terminated its MEC application");
            MecServiceMgmtClient registry = new MecServiceMgmtClient(mec.hostUrl("mec-host-a"));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(registry.discover(MecServiceMgmtClient.Query.byName("oneM2M-McaProxy-id-mn1"))).isEmpty();
                assertThatThrownBy(() -> new MecAppSupportClient(mec.hostUrl("mec-host-a")).registration(app))
                        .as("deregistered").isInstanceOfSatisfying(MecProblemException.class,
                                e -> assertThat(e.status()).isEqualTo(404));
            });
            assertThat(onMec.appInstanceId()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- helpers

    private HttpResponse<String> registerDevice(String aeId, String name, boolean reachable) throws Exception {
        return send("POST", "/" + CseTestbed.CSE_BASE, aeId, 2, "{\"m2m:ae\":{\"rn\":\"" + name
                + "\",\"api\":\"Nmy.device\",\"rr\":" + reachable + ",\"srv\":[\"3\"]}}", TOKEN);
    }

    private HttpResponse<String> registerDeviceWithToken(String token) throws Exception {
        return send("POST", "/" + CseTestbed.CSE_BASE, DEVICE, 2,
                "{\"m2m:ae\":{\"rn\":\"device1\",\"api\":\"Nmy.device\",\"rr\":true,\"srv\":[\"3\"]}}", token);
    }

    private String proxyUrl() {
        return proxy.httpUrl().orElseThrow();
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String from, Integer ty, String json,
                                      String token) throws IOException, InterruptedException {
        return sendTo(proxyUrl(), method, pathAndQuery, from, ty, json, token);
    }

    private HttpResponse<String> sendTo(String base, String method, String pathAndQuery, String from, Integer ty,
                                        String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("X-M2M-Origin", from).header("X-M2M-RI", "rq" + rqi.incrementAndGet())
                .header("X-M2M-RVI", "3").header("Accept", "application/json");
        if (token != null) {
            b.header("X-OneEdge-Proxy-Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json" + (ty == null ? "" : ";ty=" + ty));
            b.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
