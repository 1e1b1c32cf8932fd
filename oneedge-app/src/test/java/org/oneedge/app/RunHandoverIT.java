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

/**
 * {@code oneedge run} with a scenario whose car changes MEC host within seconds: the car's AE moves from the MN-CSE
 * of mec-host-1 to the one of mec-host-2 (MEC 021 AMS trigger), as the serving registry and the transaction at the
 * IN-CSE show; the parked sensor's AE stays where it is until a handover of it is asked for over HTTP
 * ({@code oe:hoReq} at the IN-CSE).
 */
class RunHandoverIT {
    private static final Pattern CSE_LINE = Pattern.compile("IN-CSE /id-in \\(cse-in\\) listening on (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void the_ae_of_a_ue_follows_it_to_the_mn_cse_of_its_new_mec_host() throws Exception {
        Path scenario = Path.of(RunHandoverIT.class.getResource("/scenarios/fast-handover.yaml").toURI());
        StringWriter out = new StringWriter();
        ShutdownSignal signal = new ShutdownSignal();
        AppContext context = new AppContext(Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter(),
                true), () -> signal);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread app = Thread.ofPlatform().name("oneedge-run").start(() -> exit.set(OneEdge.commandLine(context)
                .execute("run", "--port", "0", "--data-dir", dataDir.toString(), "--mec-port", "0", "--scenario",
                        scenario.toString(), "--log-level", "WARN")));
        try (WireClient client = new WireClient()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().contains("Ctrl-C") || !app.isAlive());
            Matcher m = CSE_LINE.matcher(out.toString());
            assertThat(m.find()).as("start-up line in: %s", out).isTrue();
            String registry = m.group(1) + "/oeHandover";

            JsonNode car = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> entry(client, registry + "/sr-Cue-10.0.0.1"),
                            e -> e != null && "/id-mn2".equals(e.path("scsi").asText()));

            assertThat(car.path("epoch").asLong()).isEqualTo(2);
            assertThat(car.path("state").asText()).isEqualTo("SERVING");
            JsonNode tx = JSON.readTree(client.retrieve(registry + "/tx-" + car.path("txid").asText(), "CAdmin")
                    .body()).path("oe:hoTx");
            assertThat(tx.path("state").asText()).isEqualTo("COMPLETED");
            assertThat(tx.path("src").asText()).isEqualTo("/id-mn1");
            assertThat(tx.path("xferB").asLong()).isPositive();
            JsonNode sensor = entry(client, registry + "/sr-Cue-10.0.0.4");
            assertThat(sensor.path("scsi").asText()).isEqualTo("/id-mn2");
            assertThat(sensor.path("epoch").asLong()).isEqualTo(1);

            // a handover asked for over HTTP: the parked sensor's AE to /id-mn1 (oe:hoReq, HandoverRequestWatcher)
            HttpResponse<String> asked = client.create(registry, "CAdmin", 28, "{\"oe:hoReq\":{\"rn\":\"r1\","
                    + "\"cnd\":\"org.oneedge.handover.request\",\"lbl\":[\"oe:hoReq/open\"],"
                    + "\"aeid\":\"Cue-10.0.0.4\",\"tcsi\":\"/id-mn1\"}}");
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
            JsonNode answer = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> JSON.readTree(client.retrieve(registry + "/r1", "CAdmin").body()).path("oe:hoReq"),
                            a -> a.hasNonNull("res"));
            assertThat(answer.path("res").asText()).as(answer.toString()).isEqualTo("COMPLETED");
            JsonNode moved = entry(client, registry + "/sr-Cue-10.0.0.4");
            assertThat(moved.path("scsi").asText()).isEqualTo("/id-mn1");
            assertThat(moved.path("txid").asText()).isEqualTo(answer.path("txid").asText());
        } finally {
            signal.requestStop();
            app.join(Duration.ofSeconds(30));
        }
        assertThat(exit.get()).isZero();

        // a second run on the same data: the UEs' AEs are known from the first one, handovers still work
        StringWriter again = new StringWriter();
        ShutdownSignal secondSignal = new ShutdownSignal();
        AppContext second = new AppContext(Map.of(), new PrintWriter(again, true),
                new PrintWriter(new StringWriter(), true), () -> secondSignal);
        AtomicInteger secondExit = new AtomicInteger(-1);
        Thread rerun = Thread.ofPlatform().name("oneedge-rerun").start(() -> secondExit.set(
                OneEdge.commandLine(second).execute("run", "--port", "0", "--data-dir", dataDir.toString(),
                        "--mec-port", "0", "--scenario", scenario.toString(), "--log-level", "WARN")));
        try (WireClient client = new WireClient()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> again.toString().contains("Ctrl-C") || !rerun.isAlive());
            Matcher m = CSE_LINE.matcher(again.toString());
            assertThat(m.find()).as("start-up line in: %s", again).isTrue();
            String registry = m.group(1) + "/oeHandover";
            HttpResponse<String> asked = client.create(registry, "CAdmin", 28, "{\"oe:hoReq\":{\"rn\":\"r2\","
                    + "\"cnd\":\"org.oneedge.handover.request\",\"lbl\":[\"oe:hoReq/open\"],"
                    + "\"aeid\":\"Cue-10.0.0.4\",\"tcsi\":\"/id-mn2\"}}");
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
            JsonNode answer = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> JSON.readTree(client.retrieve(registry + "/r2", "CAdmin").body()).path("oe:hoReq"),
                            a -> a.hasNonNull("res"));
            assertThat(answer.path("res").asText()).as(answer.toString()).isEqualTo("COMPLETED");
            assertThat(entry(client, registry + "/sr-Cue-10.0.0.4").path("scsi").asText()).isEqualTo("/id-mn2");
        } finally {
            secondSignal.requestStop();
            rerun.join(Duration.ofSeconds(30));
        }
        assertThat(secondExit.get()).isZero();
    }

    private static JsonNode entry(WireClient client, String url) throws Exception {
        HttpResponse<String> r = client.retrieve(url, "CAdmin");
        return r.statusCode() == 200 ? JSON.readTree(r.body()).path("oe:hoSrv") : null;
    }
}
