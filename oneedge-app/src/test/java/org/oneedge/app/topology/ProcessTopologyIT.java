package org.oneedge.app.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneedge.app.OneEdge;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** A topology file run as child JVMs: MNs register to the IN over HTTP and a retrieve is forwarded MN1 -> IN -> MN2. */
class ProcessTopologyIT {

    @TempDir
    Path dir;

    @Test
    void child_processes_register_and_forward() throws Exception {
        Path file = dir.resolve("topology.yaml");
        String node = "      http: {port: 0}\n      store: {type: memory, data-dir: %s}\n      log-level: WARN\n";
        Files.writeString(file, "nodes:\n"
                + "  - name: in\n    config:\n      cse: {id: /id-in, base-name: cse-in, type: IN}\n"
                + node.formatted(dir.resolve("in"))
                + "  - name: mn1\n    config:\n      cse: {id: /id-mn1, base-name: cse-mn1, type: MN}\n"
                + node.formatted(dir.resolve("mn1"))
                + "  - name: mn2\n    config:\n      cse: {id: /id-mn2, base-name: cse-mn2, type: MN}\n"
                + node.formatted(dir.resolve("mn2"))
                + "links:\n  - {from: mn1, to: in}\n  - {from: mn2, to: in}\n");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        StringWriter out = new StringWriter();
        try (ProcessTopology topology = ProcessTopology.start(TopologyFile.load(file).nodes(),
                List.of(java, "-cp", System.getProperty("java.class.path"), OneEdge.class.getName()),
                new PrintWriter(out, true))) {
            assertThat(topology.map()).hasSize(3);
            String in = url(topology.map().get(0));
            String mn1 = topology.map().stream().filter(l -> l.contains("/id-mn1")).map(ProcessTopologyIT::url)
                    .findFirst().orElseThrow();
            String mn2 = topology.map().stream().filter(l -> l.contains("/id-mn2")).map(ProcessTopologyIT::url)
                    .findFirst().orElseThrow();
            try (HttpCseClient inClient = new HttpCseClient(in); HttpCseClient mn1Client = new HttpCseClient(mn1);
                 HttpCseClient mn2Client = new HttpCseClient(mn2)) {
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        inClient.send(request(Operation.RETRIEVE, "/id-in/id-mn1", "CAdmin").build()).statusCode()
                                == ResponseStatusCode.OK
                        && inClient.send(request(Operation.RETRIEVE, "/id-in/id-mn2", "CAdmin").build()).statusCode()
                                == ResponseStatusCode.OK);
                Response ae = mn2Client.send(request(Operation.CREATE, "cse-mn2", "CAE2")
                        .resourceType(ResourceType.AE).content(ContentCodec.parse("{\"m2m:ae\":{\"rn\":\"CAE2\","
                                + "\"api\":\"Nsensor\",\"rr\":true,\"srv\":[\"3\"],\"acpi\":[]}}")).build());
                assertThat(ae.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
                // the AE is read by its owner (SP-relative AE-ID, kept as it is) through MN1 -> IN -> MN2
                Response forwarded = mn1Client.send(request(Operation.RETRIEVE, "/id-mn2/cse-mn2/CAE2", "/id-mn2/CAE2")
                        .build());
                assertThat(forwarded.statusCode()).isEqualTo(ResponseStatusCode.OK);
                assertThat(forwarded.content().path("m2m:ae").path("aei").asText()).isEqualTo("CAE2");
            }
        }
        assertThat(out.toString()).contains("[mn1]", "[mn2]");
    }

    private static Request.Builder request(Operation op, String to, String from) {
        return Request.builder().operation(op).to(to).from(from).releaseVersion("3").requestId("p" + System.nanoTime());
    }

    private static String url(String mapLine) {
        Matcher m = Pattern.compile("(http://\\S+)").matcher(mapLine);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
