package org.oneedge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oneedge run --mca-proxy --network-location}: the proxy's start-up line, a device's requests relayed to MN-CSE
 * /id-mn1, and a network-based locationPolicy created through the proxy filled from the emulated MEC 013.
 */
class RunMcaProxyIT {
    private static final Pattern PROXY_LINE =
            Pattern.compile("Mca proxy for /id-mn1 \\(.*MEC service oneM2M-McaProxy-id-mn1\\) listening on (http://\\S+)");

    @TempDir
    Path dataDir;

    @Test
    void run_starts_an_mca_proxy_in_front_of_the_first_mn_cse_and_prints_where_it_listens() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ShutdownSignal signal = new ShutdownSignal();
        AppContext context = new AppContext(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
                () -> signal);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread app = Thread.ofPlatform().name("oneedge-run-proxy").start(() -> exit.set(OneEdge.commandLine(context)
                .execute("run", "--port", "0", "--data-dir", dataDir.toString(), "--mec-port", "0", "--mns", "1",
                        "--mca-proxy", "0", "--mca-proxy-token", "t0k", "--network-location", "--log-level", "WARN")));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> PROXY_LINE.matcher(out.toString()).find()
                    || !app.isAlive());
            Matcher m = PROXY_LINE.matcher(out.toString());
            assertThat(m.find()).as("proxy line in: %s / errors: %s", out, err).isTrue();

            HttpResponse<String> cseBase = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(m.group(1) + "/cse-mn1")).header("X-M2M-Origin", "CAdmin")
                    .header("X-M2M-RI", "p1").header("X-M2M-RVI", "3")
                    .header("X-OneEdge-Proxy-Authorization", "Bearer t0k").GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(cseBase.headers().firstValue("X-M2M-RSC")).hasValue("2000");
            assertThat(cseBase.body()).contains("\"csi\":\"/id-mn1\"");
            assertThat(out.toString()).contains("Network location provider for /id-mn1");

            String proxy = m.group(1) + "/cse-mn1";
            assertThat(send(proxy, "POST", 2, "{\"m2m:ae\":{\"rn\":\"tracker\",\"api\":\"Ntracker\",\"rr\":false,"
                    + "\"srv\":[\"3\"]}}").statusCode()).isEqualTo(201);
            assertThat(send(proxy + "/tracker", "POST", 10, "{\"m2m:lcp\":{\"rn\":\"car\",\"los\":1,"
                    + "\"lot\":\"acr:10.0.0.1\",\"lou\":[\"PT1S\"],\"lon\":\"carPos\"}}").statusCode()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> send(proxy + "/tracker/car", "GET", null, null).body().contains("\"lost\":1"));
            assertThat(send(proxy + "/tracker/carPos/la", "GET", null, null).body()).contains("\"typ\":1")
                    .contains("\"crd\":\"[");
        } finally {
            signal.requestStop();
            app.join(Duration.ofSeconds(20));
        }
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("Stopped.");
    }

    private static HttpResponse<String> send(String url, String method, Integer ty, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("X-M2M-Origin", "Ctracker")
                .header("X-M2M-RI", "r" + System.nanoTime()).header("X-M2M-RVI", "3")
                .header("X-OneEdge-Proxy-Authorization", "Bearer t0k");
        if (json != null) {
            b.header("Content-Type", "application/json;ty=" + ty).method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
