package org.oneedge.app.topology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.mec.platform.emulator.Scenario;
import org.oneedge.mec.platform.emulator.ScenarioLoader;
import org.oneedge.binding.mqtt.broker.EmbeddedMqttBroker;
import org.oneedge.binding.mqtt.broker.EmbeddedMqttBrokerConfig;

/**
 * Runs each node of a topology as its own process ({@code java … OneEdge cse …}, same jar and JVM), registrars
 * first, and supervises them: their output is echoed with a {@code [name]} prefix, the map is printed once all
 * are up, and closing stops them (SIGTERM, so each deregisters; killed after a grace period). A node's registrar
 * URL is learned from the registrar's own start-up line, so free ports (0) work too; so is the URL of the MEC
 * platform a node with {@code mec.enabled} runs. {@link #cse} and {@link #mec} give add-ons what they need to reach
 * a node over HTTP.
 */
public final class ProcessTopology implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("-CSE (\\S+) \\((\\S+)\\) listening on (https?://\\S+)");
    private static final Pattern MEC_LISTENING =
            Pattern.compile("MEC 011 application support listening on (https?://\\S+)/mec_app_support/v2");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final PrintWriter out;
    private final List<Process> processes = new ArrayList<>();
    private final List<String> map = new ArrayList<>();
    private final Map<String, StartedCse> started = new LinkedHashMap<>();
    private final Map<String, StartedMec> mecs = new LinkedHashMap<>();
    private final List<HttpCseClient> clients = new ArrayList<>();
    private EmbeddedMqttBroker broker;

    private ProcessTopology(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param javaCommand the {@code java} executable and the class path of this program
     */
    public static ProcessTopology start(List<NodeSpec> specs, List<String> javaCommand, PrintWriter out) {
        ProcessTopology topology = new ProcessTopology(out);
        try {
            topology.startAll(specs, javaCommand);
            return topology;
        } catch (RuntimeException e) {
            topology.close();
            throw e;
        }
    }

    /** One line per node: role, CSE-ID, CSEBase, URL, registrar, pid. */
    public List<String> map() {
        return List.copyOf(map);
    }

    private void startAll(List<NodeSpec> specs, List<String> javaCommand) {
        String embeddedBroker = null;
        if (specs.stream().anyMatch(s -> s.config().mqttEnabled() && s.config().mqttBrokerUrl() == null)) {
            broker = EmbeddedMqttBroker.start(EmbeddedMqttBrokerConfig.defaults()
                    .withPort(specs.get(0).config().httpPort() == 0 ? Topology.freePort() : 1883));
            embeddedBroker = broker.url();
        }
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, NodeConfig> configs = new LinkedHashMap<>();
        List<NodeSpec> waiting = new ArrayList<>(specs);
        while (!waiting.isEmpty()) {
            NodeSpec next = waiting.stream().filter(s -> s.registrar() == null || urls.containsKey(s.registrar()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "the topology's links form a cycle or name a missing registrar: " + waiting));
            waiting.remove(next);
            NodeConfig c = next.config();
            List<String> command = new ArrayList<>(javaCommand);
            command.addAll(List.of("cse", "--cse-id", c.cseId(), "--cse-base", c.cseBaseName(), "--cse-type",
                    c.cseType().name(), "--sp-id", c.spId(), "--host", c.httpHost(), "--port",
                    Integer.toString(c.httpPort()), "--store", c.storeType().name().toLowerCase(), "--data-dir",
                    c.dataDir().toString(), "--log-level", c.logLevel(), c.mecEnabled() ? "--mec" : "--no-mec",
                    "--mec-port", Integer.toString(c.mecPort())));
            if (c.mecScenario() != null) {
                command.addAll(List.of("--scenario", c.mecScenario().toString()));
            }
            NodeConfig effective = c;
            if (c.mqttEnabled()) {
                String broker = c.mqttBrokerUrl() != null ? c.mqttBrokerUrl() : embeddedBroker;
                command.addAll(List.of("--mqtt", "--mqtt-broker-url", broker));
                effective = effective.withMqtt(true, broker);
            }
            String registrarLine = "-";
            if (next.registrar() != null) {
                NodeConfig r = configs.get(next.registrar());
                String url = urls.get(next.registrar());
                command.addAll(List.of("--registrar-cse-id", r.cseId(), "--registrar-cse-base", r.cseBaseName(),
                        "--registrar-url", url, "--registrar-deregister", Boolean.toString(c.registrarDeregister())));
                registrarLine = r.cseId() + " " + url;
                effective = effective.withRegistrar(r.cseId(), r.cseBaseName(), List.of(url));
            }
            Launched launched = launch(next.name(), command, c.mecEnabled());
            String baseUrl = launched.cseBaseUrl();
            String url = baseUrl.substring(0, baseUrl.length() - c.cseBaseName().length() - 1);
            HttpCseClient client = new HttpCseClient(url);
            clients.add(client);
            List<String> pointsOfAccess = new ArrayList<>(List.of(url));
            if (effective.mqttEnabled()) {
                pointsOfAccess.add("mqtt://" + effective.mqttBrokerUrl().replaceFirst("^[a-z]+://", ""));
            }
            started.put(next.name(), new StartedCse(effective, url, pointsOfAccess, client));
            if (launched.mecBaseUrl() != null) {
                Scenario scenario = c.mecScenario() == null ? ScenarioLoader.defaultScenario()
                        : ScenarioLoader.read(c.mecScenario());
                mecs.put(next.name(), new StartedMec(launched.mecBaseUrl(),
                        scenario.mecHosts().stream().map(Scenario.MecHost::name).toList()));
            }
            urls.put(next.name(), url);
            configs.put(next.name(), c);
            map.add(String.format("%-7s %-9s %-9s %s  registrar: %s  pid %d", c.cseType() + "-CSE", c.cseId(),
                    c.cseBaseName(), url, registrarLine, processes.get(processes.size() - 1).pid()));
        }
    }

    /** What a started child said: its CSEBase URL and, when it runs the MEC platform, the platform's base URL. */
    private record Launched(String cseBaseUrl, String mecBaseUrl) {
    }

    /** Starts one node and waits for its "listening on" line(s). */
    private Launched launch(String name, List<String> command, boolean withMec) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node " + name + ": " + e.getMessage(), e);
        }
        processes.add(process);
        CompletableFuture<String> listening = new CompletableFuture<>();
        CompletableFuture<String> mecListening = new CompletableFuture<>();
        Thread.ofVirtual().name("node-" + name + "-output").start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    out.println("[" + name + "] " + line);
                    out.flush();
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(m.group(3));
                    }
                    Matcher mec = MEC_LISTENING.matcher(line);
                    if (mec.find()) {
                        mecListening.complete(mec.group(1));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            listening.completeExceptionally(new IllegalStateException("node " + name + " ended before it listened"));
            mecListening.completeExceptionally(new IllegalStateException("node " + name + " ended before its MEC"
                    + " platform listened"));
        });
        try {
            String cse = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new Launched(cse, withMec ? mecListening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) : null);
        } catch (Exception e) {
            throw new IllegalStateException("node " + name + " did not start within " + START_TIMEOUT + ": "
                    + e.getMessage(), e);
        }
    }

    /** A started node, reached over HTTP, with its configuration as it runs (broker and registrar filled in). */
    public StartedCse cse(String name) {
        StartedCse cse = started.get(name);
        if (cse == null) {
            throw new IllegalArgumentException("no CSE node '" + name + "' in the topology " + started.keySet());
        }
        return cse;
    }

    /** The MEC platform a started node runs ({@code mec.enabled}). */
    public StartedMec mec(String name) {
        StartedMec mec = mecs.get(name);
        if (mec == null) {
            throw new IllegalArgumentException("CSE node '" + name + "' runs no MEC platform");
        }
        return mec;
    }

    @Override
    public void close() {
        clients.forEach(HttpCseClient::close);
        clients.clear();
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
