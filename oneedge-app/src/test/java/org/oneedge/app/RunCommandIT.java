package org.oneedge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oneedge run} in this JVM on a free port with H2 in a temporary directory, used over real HTTP. */
class RunCommandIT {
    private static final Pattern CSE_LINE = Pattern.compile("IN-CSE /id-in \\(cse-in\\) listening on (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void run_serves_registration_container_content_instance_latest_mec_and_mqtt_devices_then_stops_cleanly() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ShutdownSignal signal = new ShutdownSignal();
        AppContext context = new AppContext(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
                () -> signal);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread app = Thread.ofPlatform().name("oneedge-run").start(() -> exit.set(OneEdge.commandLine(context)
                .execute("run", "--port", "0", "--data-dir", dataDir.toString(), "--mec-port", "0", "--log-level", "WARN")));

        // the banner ends the start-up output (listeners, map, add-ons such as the device IPE)
        await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().contains("Ctrl-C") || !app.isAlive());
        Matcher m = CSE_LINE.matcher(out.toString());
        assertThat(m.find()).as("start-up line in: %s / errors: %s", out, err).isTrue();
        String base = m.group(1);
        assertThat(out.toString()).as("start-up output; errors: %s", err).contains("Ctrl-C");
        Matcher rnis = Pattern.compile("MEC 012 radio network information listening on (http://\\S+)").matcher(out.toString());
        assertThat(rnis.find()).as("MEC platform line in: %s", out).isTrue();

        try (WireClient client = new WireClient()) {
            HttpResponse<String> ae = client.create(base, "Crun-it", 2,
                    "{\"m2m:ae\":{\"rn\":\"meter\",\"api\":\"Nmeter\",\"rr\":false,\"srv\":[\"3\"]}}");
            assertThat(ae.statusCode()).as(ae.body()).isEqualTo(201);
            String aei = JSON.readTree(ae.body()).path("m2m:ae").path("aei").asText();
            assertThat(aei).isNotBlank();

            HttpResponse<String> cnt = client.create(base + "/meter", aei, 3, "{\"m2m:cnt\":{\"rn\":\"power\"}}");
            assertThat(cnt.statusCode()).as(cnt.body()).isEqualTo(201);

            HttpResponse<String> cin = client.create(base + "/meter/power", aei, 4, "{\"m2m:cin\":{\"con\":\"42.5\"}}");
            assertThat(cin.statusCode()).as(cin.body()).isEqualTo(201);

            HttpResponse<String> la = client.retrieve(base + "/meter/power/la", aei);
            assertThat(la.statusCode()).as(la.body()).isEqualTo(200);
            JsonNode latest = JSON.readTree(la.body()).path("m2m:cin");
            assertThat(latest.path("con").asText()).isEqualTo("42.5");

            HttpResponse<String> rab = client.retrieve(rnis.group(1) + "/queries/rab_info", "Crun-it");
            assertThat(rab.statusCode()).as(rab.body()).isEqualTo(200);
            assertThat(rab.body()).contains("cellUserInfo");

            MqttDevice.publishReading(out.toString(), "d1", "{\"temperature\":21}");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<String> reading = client.retrieve(base + "/dev-d1/telemetry/la", "CAdmin");
                assertThat(reading.statusCode()).as(reading.body()).isEqualTo(200);
                assertThat(JSON.readTree(reading.body()).path("m2m:cin").path("con").path("temperature").asInt())
                        .isEqualTo(21);
            });
        } finally {
            signal.requestStop();
            app.join(Duration.ofSeconds(20));
        }
        assertThat(app.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(signal.awaitStopped(Duration.ofSeconds(1))).isTrue();
        assertThat(out.toString()).contains("Stopped.");
    }
}
