package org.oneedge.app.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneedge.app.OneEdge;
import org.oneedge.app.config.ConfigKey;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.config.NodeConfigLoader;
import org.oneedge.app.node.OneEdgeNode;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.cse.remote.CseRegistrar;
import org.oneedge.cse.remote.MccOutbox;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Link loss (issue item 6): the IN-CSE runs as a child process on an H2 directory; while it is stopped the MN-CSE
 * keeps serving its AEs and queues its announcements in its own store; when the IN-CSE process is started again on
 * the same port and directory, the MN catches up in order and nothing queued is lost.
 */
class InCseRestartIT {

    private static final AtomicLong RQI = new AtomicLong();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    private static Request.Builder request(Operation op, String to, String from) {
        return Request.builder().operation(op).to(to).from(from).releaseVersion("3").requestId("lr" + RQI.incrementAndGet());
    }

    @Test
    void announcements_queued_while_the_in_cse_process_is_down_arrive_after_its_restart() throws Exception {
        int port = Topology.freePort();
        Process in = startIn(port);
        String inUrl = "http://127.0.0.1:" + port;
        NodeConfig mnConfig = new NodeConfigLoader().flags(Map.of(ConfigKey.HTTP_PORT, "0", ConfigKey.STORE, "memory",
                        ConfigKey.DATA_DIR, dir.resolve("mn1").toString(), ConfigKey.LOG_LEVEL, "WARN",
                        ConfigKey.REGISTRAR_DEREGISTER, "false")).load()
                .asNode("/id-mn1", "cse-mn1", NodeConfig.CseKind.MN, 0, dir.resolve("mn1"))
                .withRegistrar("/id-in", "cse-in", List.of(inUrl));
        try (OneEdgeNode mn = OneEdgeNode.start(mnConfig); HttpCseClient mnHttp = new HttpCseClient(mn.httpUrl());
             HttpCseClient inHttp = new HttpCseClient(inUrl)) {
            await().atMost(WAIT).until(() -> mn.registrationState() == CseRegistrar.State.REGISTERED);
            Response cnt = mnHttp.send(request(Operation.CREATE, "/id-mn1/cse-mn1", "CAdmin")
                    .resourceType(ResourceType.CONTAINER).content(ContentCodec.parse(
                            "{\"m2m:cnt\":{\"rn\":\"log\",\"at\":[\"/id-in\"]}}")).build());
            assertThat(cnt.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
            String copy = "/id-in/cse-in/id-mn1/" + cnt.content().path("m2m:cnt").path("ri").asText();
            await().atMost(WAIT).until(() -> inHttp.send(request(Operation.RETRIEVE, copy, "CAdmin").build())
                    .statusCode() == ResponseStatusCode.OK);

            in.destroy(); // SIGTERM: the IN-CSE is gone
            assertThat(in.waitFor(20, TimeUnit.SECONDS)).isTrue();

            int n = 5;
            for (int i = 1; i <= n; i++) {
                Response cin = mnHttp.send(request(Operation.CREATE, "/id-mn1/cse-mn1/log", "CAdmin")
                        .resourceType(ResourceType.CONTENT_INSTANCE).content(ContentCodec.parse(
                                "{\"m2m:cin\":{\"rn\":\"e" + i + "\",\"con\":\"" + i + "\",\"at\":[\"/id-in\"]}}"))
                        .build());
                assertThat(cin.statusCode()).as("the MN keeps serving its AEs").isEqualTo(ResponseStatusCode.CREATED);
            }
            Response update = mnHttp.send(request(Operation.UPDATE, "/id-mn1/cse-mn1/log", "CAdmin").content(
                    ContentCodec.parse("{\"m2m:cnt\":{\"lbl\":[\"after-restart\"]}}")).build());
            assertThat(update.statusCode()).isEqualTo(ResponseStatusCode.UPDATED);
            assertThat(queued(mn)).as("queued in the MN's own store").isGreaterThanOrEqualTo(n + 1);

            startIn(port); // the IN-CSE is back on the same address and data
            await().atMost(WAIT).until(() -> queued(mn) == 0);
            JsonNode cntA = inHttp.send(request(Operation.RETRIEVE, copy, "CAdmin").build()).content().path("m2m:cntA");
            assertThat(cntA.path("lbl").toString()).contains("after-restart");
            Response instances = inHttp.send(request(Operation.RETRIEVE, copy, "CAdmin")
                    .filterCriteria(new FilterCriteria(1, null, List.of(10004), null, null, null, null, null, null,
                            null, null, null, null, null, null, null, null, null, null, null, null)).build());
            JsonNode uril = instances.content().path("m2m:uril");
            assertThat(uril).as("every queued instance arrived").hasSize(n);
            List<String> lnks = new ArrayList<>();
            for (JsonNode path : uril) {
                lnks.add(inHttp.send(request(Operation.RETRIEVE, "/id-in/" + path.asText(), "CAdmin").build())
                        .content().path("m2m:cinA").path("lnk").asText());
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                expected.add("/id-mn1/" + mn.store().getByPath("cse-mn1/log/e" + i).orElseThrow().ri());
            }
            assertThat(lnks).as("in the order they were made").containsExactlyElementsOf(expected);
        }
    }

    /** Outbox items still in the MN's store. */
    private static int queued(OneEdgeNode mn) {
        return (int) mn.store().children("id-mn1", ResourceType.REQUEST, 0, Integer.MAX_VALUE).stream()
                .filter(r -> r.rn().startsWith(MccOutbox.NAME_PREFIX)).count();
    }

    private Process startIn(int port) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-XX:TieredStopAtLevel=1", OneEdge.class.getName(), "cse", "--port", Integer.toString(port),
                "--store", "h2", "--data-dir", dir.resolve("in").toString(), "--no-mec", "--log-level", "WARN")
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("ONEEDGE_"));
        Process p = builder.start();
        children.add(p);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // child gone
            }
        });
        await().atMost(WAIT).until(() -> lines.stream().anyMatch(l -> l.contains("listening on")) || !p.isAlive());
        assertThat(p.isAlive()).as(String.join("\n", lines)).isTrue();
        return p;
    }
}
