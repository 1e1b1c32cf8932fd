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

/** {@code oneedge run --mca-proxy}: the proxy's start-up line, and a device request relayed to MN-CSE /id-mn1. */
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
                        "--mca-proxy", "0", "--mca-proxy-token", "t0k", "--log-level", "WARN")));
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
        } finally {
            signal.requestStop();
            app.join(Duration.ofSeconds(20));
        }
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("Stopped.");
    }
}
