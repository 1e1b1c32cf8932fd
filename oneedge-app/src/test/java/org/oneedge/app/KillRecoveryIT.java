package org.oneedge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No acknowledged write is lost when the process dies (ARCHITECTURE.md "Storage"): the CSE runs as a child JVM on an
 * H2 data directory, concurrent writers record every contentInstance answered 201, the child is killed with SIGKILL
 * in the middle of the writes, restarted on the same directory, and every acknowledged instance must be readable.
 */
class KillRecoveryIT {
    private static final Pattern CSE_LINE = Pattern.compile("listening on (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 4;
    private static final int KILL_AFTER_ACKS = 150;

    @TempDir
    Path dataDir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void every_acknowledged_content_instance_survives_sigkill() throws Exception {
        Child first = startCse();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger attempted = new AtomicInteger();
        String aei;
        try (WireClient client = new WireClient()) {
            HttpResponse<String> ae = client.create(first.base, "Ckill-it", 2,
                    "{\"m2m:ae\":{\"rn\":\"sensor\",\"api\":\"Nsensor\",\"rr\":false,\"srv\":[\"3\"]}}");
            assertThat(ae.statusCode()).as(ae.body()).isEqualTo(201);
            aei = JSON.readTree(ae.body()).path("m2m:ae").path("aei").asText();
            HttpResponse<String> cnt = client.create(first.base + "/sensor", aei, 3, "{\"m2m:cnt\":{\"rn\":\"readings\"}}");
            assertThat(cnt.statusCode()).as(cnt.body()).isEqualTo(201);

            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String rn = "r-" + writer + "-" + i;
                        String con = "value-" + writer + "-" + i;
                        attempted.incrementAndGet();
                        try {
                            HttpResponse<String> r = client.create(first.base + "/sensor/readings", aei, 4,
                                    "{\"m2m:cin\":{\"rn\":\"" + rn + "\",\"con\":\"" + con + "\"}}");
                            if (r.statusCode() == 201) {
                                acknowledged.put(rn, con);
                            }
                        } catch (IOException | InterruptedException e) {
                            return; // the server is gone
                        }
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() >= KILL_AFTER_ACKS);
            first.process.destroyForcibly(); // SIGKILL while writes are in flight
            first.process.waitFor();
            stop.set(true);
            for (Thread t : writers) {
                t.join(Duration.ofSeconds(15));
            }
        }

        Child second = startCse();
        try (WireClient client = new WireClient()) {
            List<String> lost = new ArrayList<>();
            for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                HttpResponse<String> r = client.retrieve(second.base + "/sensor/readings/" + e.getKey(), aei);
                if (r.statusCode() != 200
                        || !JSON.readTree(r.body()).path("m2m:cin").path("con").asText().equals(e.getValue())) {
                    lost.add(e.getKey() + " (" + r.statusCode() + ")");
                }
            }
            assertThat(lost).as("acknowledged instances missing or changed after SIGKILL and restart, of %d",
                    acknowledged.size()).isEmpty();
            HttpResponse<String> cnt = client.retrieve(second.base + "/sensor/readings", aei);
            assertThat(cnt.statusCode()).isEqualTo(200);
            JsonNode container = JSON.readTree(cnt.body()).path("m2m:cnt");
            assertThat(container.path("cni").asInt())
                    .as("cni counts every acknowledged instance and none that was never sent")
                    .isBetween(acknowledged.size(), attempted.get());
        }
    }

    private record Child(Process process, String base) {
    }

    private Child startCse() throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-XX:TieredStopAtLevel=1", OneEdge.class.getName(), "cse", "--port", "0", "--store", "h2",
                "--data-dir", dataDir.toString(), "--no-mec", "--log-level", "WARN")
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("ONEEDGE_")); // only the flags count
        Process p = builder.start();
        children.add(p);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // child gone
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> CSE_LINE.matcher(l).find())
                || !p.isAlive());
        String line = lines.stream().filter(l -> CSE_LINE.matcher(l).find()).findFirst()
                .orElseThrow(() -> new AssertionError("CSE child did not start: " + String.join("\n", lines)));
        Matcher m = CSE_LINE.matcher(line);
        m.find();
        return new Child(p, m.group(1));
    }
}
