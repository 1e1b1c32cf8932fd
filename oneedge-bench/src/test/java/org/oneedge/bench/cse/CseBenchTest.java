package org.oneedge.bench.cse;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.oneedge.bench.http.BenchClientKind;

/** Drives the benchmark against a tiny fake CSE (JDK HTTP server) to check the phases, counts and report keys. */
class CseBenchTest {

    private HttpServer fake;
    private final AtomicInteger creates = new AtomicInteger();
    private final AtomicInteger retrieves = new AtomicInteger();

    @BeforeEach
    void startFakeCse() throws IOException {
        fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        fake.createContext("/cse-in", this::answer);
        fake.createContext("/bare", ex -> reply(ex, 200, "{\"m2m:cin\":{\"con\":\"x\"}}"));
        fake.start();
    }

    @AfterEach
    void stop() {
        fake.stop(0);
    }

    private void answer(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (ex.getRequestMethod().equals("POST") && type != null && type.endsWith("ty=2")) {
            reply(ex, 201, "{\"m2m:ae\":{\"aei\":\"Cbench-fake\"}}");
        } else if (ex.getRequestMethod().equals("POST")) {
            if (type.endsWith("ty=4")) {
                creates.incrementAndGet();
            }
            reply(ex, 201, "{}");
        } else {
            retrieves.incrementAndGet();
            reply(ex, ex.getRequestMethod().equals("GET") ? 200 : 200, "{\"m2m:cin\":{\"con\":\"x\"}}");
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @ParameterizedTest
    @EnumSource(BenchClientKind.class)
    void measures_every_phase_and_reports_plain_json_keys(BenchClientKind client) throws IOException {
        URI base = URI.create("http://127.0.0.1:" + fake.getAddress().getPort() + "/cse-in");
        URI bare = URI.create("http://127.0.0.1:" + fake.getAddress().getPort() + "/bare");
        CseBenchOptions options = new CseBenchOptions(base, bare, 2, Duration.ofMillis(500), Duration.ZERO, 20,
                client, 16, null, null, null);

        CseBenchReport report = new CseBench(options).run();

        assertThat(report.allPhases()).extracting(PhaseResult::jsonKey).containsExactly("createsSequential",
                "creates", "laSequential", "la", "bareSequential", "bare", "laFlatSmall", "laFlatLarge");
        assertThat(report.allPhases()).allSatisfy(p -> {
            assertThat(p.requests()).as(p.name()).isPositive();
            assertThat(p.errors()).as(p.name()).isZero();
        });
        assertThat(creates.get()).as("measured creates + flat fill reached the server")
                .isGreaterThanOrEqualTo((int) (report.phases().get(0).requests() + report.phases().get(1).requests() + 20));
        assertThat(report.json().has("createsPerSecond")).isTrue();
        assertThat(report.json().has("laP99Ms")).isTrue();
        assertThat(report.json().has("laVsBare")).isTrue();
        assertThat(report.json().has("laFlatRatio")).isTrue();
        assertThat(report.table()).contains("create concurrent").contains("vs bare").contains("la flatness");
    }
}
