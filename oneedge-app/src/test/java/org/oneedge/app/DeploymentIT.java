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
 * The deployment files {@code topologies/deployment-a.yaml} .. {@code -d.yaml}, run as {@code oneedge run --deployment
 * X} (A via {@code --topology} and the repository's file) in this JVM on free ports, checked over real HTTP and MQTT:
 * MEC information appears as oneM2M resources in the CSE the option names, and a device publishing JSON over MQTT
 * reaches an application registered at the IN-CSE.
 */
class DeploymentIT {
    private static final Pattern IPE_LINE = Pattern.compile("MEC IPE \\(.* listening on (http://\\S+)");
    private static final Pattern CSE_LINE = Pattern.compile("MN-CSE /id-mn1 \\(cse-mn1\\) listening on (http://\\S+)");
    private static final Pattern IN_LINE = Pattern.compile("IN-CSE /id-in \\(cse-in\\) listening on (http://\\S+)");
    private static final Pattern MEC_APP_SUPPORT_LINE =
            Pattern.compile("MEC 011 application support.* listening on (http://\\S+)");
    private static final Pattern SERVICE_MGMT_LINE =
            Pattern.compile("MEC 011 service management.* listening on (http://\\S+)");
    private static final Pattern STARTED = Pattern.compile("(?m)^Press Ctrl-C");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    /** A running deployment and what it printed. */
    private record Running(Thread app, ShutdownSignal signal, AtomicInteger exit, StringWriter out) {
        String group(Pattern p) {
            Matcher m = p.matcher(out.toString());
            assertThat(m.find()).as("%s in: %s", p, out).isTrue();
            return m.group(1);
        }

        void stop() throws InterruptedException {
            signal.requestStop();
            app.join(Duration.ofSeconds(60));
            assertThat(app.isAlive()).isFalse();
            assertThat(exit.get()).isZero();
            assertThat(out.toString()).contains("Stopped.");
        }
    }

    private Running run(String... args) {
        return run(Duration.ofSeconds(60), args);
    }

    private Running run(Duration startTimeout, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ShutdownSignal signal = new ShutdownSignal();
        AppContext context = new AppContext(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
                () -> signal);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread app = Thread.ofPlatform().name("oneedge-deployment").start(() ->
                exit.set(OneEdge.commandLine(context).execute(args)));
        // the supervisor's own banner (a child's, with --processes, starts with "[name] ")
        await().atMost(startTimeout).until(() -> STARTED.matcher(out.toString()).find() || !app.isAlive());
        assertThat(app.isAlive()).as("still running; output: %s / errors: %s", out, err).isTrue();
        return new Running(app, signal, exit, out);
    }

    private String[] deployment(String option) {
        return new String[] {"run", "--deployment", option, "--port", "0", "--store", "memory",
                "--data-dir", dataDir.toString(), "--log-level", "WARN"};
    }

    @Test
    void deployment_a_from_the_repository_file_mirrors_mec_into_the_in_cse_and_devices_reach_the_in_cse()
            throws Exception {
        Running a = run("run", "--topology", "../topologies/deployment-a.yaml", "--port", "0", "--store", "memory",
                "--data-dir", dataDir.toString(), "--log-level", "WARN");
        try (WireClient client = new WireClient()) {
            String in = a.group(IN_LINE);
            String mirror = a.group(IPE_LINE);
            assertThat(mirror).startsWith(in + "/CMecIpe/mec");
            assertThat(a.out().toString()).doesNotContain("MN-CSE").contains("oneM2M-MEC-IPE-id-in for CSE /id-in")
                    .contains("deployment A:");
            assertThat(hostPort(a.group(MEC_APP_SUPPORT_LINE))).as("MEC platform on a node of its own")
                    .isNotEqualTo(hostPort(in));
            assertMecInformationMirrored(client, mirror);

            String app = registerApplication(client, in, "Capp-a");
            MqttDevice.publishReading(a.out().toString(), "a1", "{\"temperature\":21}");

            assertReadingVisible(client, in + "/dev-a1/telemetry/la", app, 21);
        } finally {
            a.stop();
        }
    }

    @Test
    void deployment_b_bridges_mec_on_one_edge_node_into_the_mn_cse_on_another() throws Exception {
        Running b = run(deployment("B"));
        try (WireClient client = new WireClient()) {
            String in = b.group(IN_LINE);
            String mn = b.group(CSE_LINE);
            String mirror = b.group(IPE_LINE);
            assertThat(mirror).startsWith(mn + "/CMecIpe/mec");
            assertThat(hostPort(b.group(MEC_APP_SUPPORT_LINE))).as("MEC platform and MN-CSE on separate nodes")
                    .isNotEqualTo(hostPort(mn)).isNotEqualTo(hostPort(in));
            assertMecInformationMirrored(client, mirror);

            assertDeviceReadingReachesTheInCseThroughTheMnCse(client, b, in, "b1", 19.5);
        } finally {
            b.stop();
        }
    }

    @Test
    void deployment_c_runs_the_cse_as_mec_application_with_the_mec_ipe_writing_into_it() throws Exception {
        Running c = run(deployment("C"));
        try (WireClient client = new WireClient()) {
            String mirror = c.group(IPE_LINE);
            assertThat(mirror).startsWith(c.group(CSE_LINE) + "/CMecIpe/mec");
            assertThat(c.out().toString()).contains("(CSE /id-mn1 on MEC host mec-host-1");
            assertMecInformationMirrored(client, mirror);
            HttpResponse<String> offered = client.retrieve(c.group(SERVICE_MGMT_LINE)
                    + "/services?ser_category_id=oneM2M", "Cit");
            assertThat(offered.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(offered.body())).as("C does not publish the CSE as MEC service").isEmpty();

            assertDeviceReadingReachesTheInCseThroughTheMnCse(client, c, c.group(IN_LINE), "c1", 22);
        } finally {
            c.stop();
        }
    }

    @Test
    void deployment_d_also_publishes_the_cse_as_mec_service_reachable_over_oneM2M() throws Exception {
        Running d = run(deployment("D"));
        String services = d.group(SERVICE_MGMT_LINE) + "/services?ser_category_id=oneM2M";
        try (WireClient client = new WireClient()) {
            JsonNode offered = JSON.readTree(client.retrieve(services, "Cit").body());
            assertThat(offered).hasSize(1);
            assertThat(offered.get(0).path("serName").asText()).isEqualTo("oneM2M-CSE-id-mn1");
            String endpoint = offered.get(0).path("transportInfo").path("endpoint").path("uris").get(0).asText();
            HttpResponse<String> cseBase = client.retrieve(endpoint + "/cse-mn1", "CAdmin");
            assertThat(cseBase.statusCode()).as(cseBase.body()).isEqualTo(200);
            assertThat(JSON.readTree(cseBase.body()).path("m2m:cb").path("csi").asText()).isEqualTo("/id-mn1");
            assertMecInformationMirrored(client, d.group(IPE_LINE));

            assertDeviceReadingReachesTheInCseThroughTheMnCse(client, d, d.group(IN_LINE), "d1", 23.5);
        } finally {
            d.stop();
        }
    }

    @Test
    void deployment_c_runs_with_each_cse_node_as_a_child_process() throws Exception {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(deployment("C")),
                java.util.stream.Stream.of("--processes")).toArray(String[]::new);
        Running c = run(Duration.ofSeconds(120), args);
        try (WireClient client = new WireClient()) {
            assertThat(c.out().toString()).contains("[in] ", "[mn1] ");
            String mirror = c.group(IPE_LINE);
            assertThat(mirror).startsWith(c.group(CSE_LINE) + "/CMecIpe/mec");
            assertMecInformationMirrored(client, mirror);

            assertDeviceReadingReachesTheInCseThroughTheMnCse(client, c, c.group(IN_LINE), "p1", 18);
        } finally {
            c.stop();
        }
    }

    /** A device publishes on the MN-CSE's broker; an application registered at the IN-CSE reads it through Mcc. */
    private static void assertDeviceReadingReachesTheInCseThroughTheMnCse(WireClient client, Running running,
                                                                          String in, String deviceId, double value)
            throws Exception {
        String app = registerApplication(client, in, "Capp-" + deviceId);
        MqttDevice.publishReading(running.out().toString(), deviceId, "{\"temperature\":" + value + "}");
        String viaIn = in.substring(0, in.length() - "/cse-in".length()) + "/~/id-mn1/cse-mn1";
        assertReadingVisible(client, viaIn + "/dev-" + deviceId + "/telemetry/la", app, value);
    }

    private static String hostPort(String url) {
        return java.net.URI.create(url).getAuthority();
    }

    /** Host metrics and a UE of the default scenario appear below the MEC IPE's root container. */
    private static void assertMecInformationMirrored(WireClient client, String mirror) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> host = client.retrieve(mirror + "/hosts/mec-host-1", "CAdmin");
            assertThat(host.statusCode()).as(host.body()).isEqualTo(200);
            assertThat(JSON.readTree(host.body()).path("oe:hostMetrics").path("cpu").isNumber()).isTrue();
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> ue = client.retrieve(mirror + "/ues/acr_10.0.0.1", "CAdmin");
            assertThat(ue.statusCode()).as(ue.body()).isEqualTo(200);
            JsonNode info = JSON.readTree(ue.body()).path("oe:ueInfo");
            assertThat(info.path("cnd").asText()).isEqualTo("org.oneedge.mec.ueInfo");
            assertThat(info.path("zoneId").asText()).startsWith("zone-");
        });
    }

    /** Registers an application AE at the IN-CSE; returns its AE-ID. */
    private static String registerApplication(WireClient client, String in, String aeId) throws Exception {
        HttpResponse<String> ae = client.create(in, aeId, 2,
                "{\"m2m:ae\":{\"rn\":\"" + aeId.substring(1) + "\",\"api\":\"Napp\",\"rr\":false,\"srv\":[\"3\"]}}");
        assertThat(ae.statusCode()).as(ae.body()).isEqualTo(201);
        return JSON.readTree(ae.body()).path("m2m:ae").path("aei").asText();
    }

    private static void assertReadingVisible(WireClient client, String latest, String app, double temperature) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> la = client.retrieve(latest, app);
            assertThat(la.statusCode()).as(la.body()).isEqualTo(200);
            assertThat(JSON.readTree(la.body()).path("m2m:cin").path("con").path("temperature").asDouble())
                    .isEqualTo(temperature);
        });
    }
}
