package org.oneedge.bench.handover;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.handover.HandoverCoordinator;
import org.oneedge.handover.continuity.DownlinkRouter;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.handover.registry.CseServingRegistry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.remote.RemoteHandoverParticipant;
import org.oneedge.handover.token.HandoverTokenIssuer;
import org.oneedge.handover.transaction.CseTransactionStore;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The bench topology as child JVMs (one per CSE, {@link HandoverNodeMain}), started the way the topology runner's
 * {@code --processes} mode starts nodes: the same {@code java} and class path, the IN-CSE first, each node's URL
 * learned from its start-up line. The coordinator and the downlink router run in this process and reach the
 * IN-CSE (registry, transactions) and the MN-CSEs ({@code oeHoCtl}, downlinks) over HTTP only.
 */
final class ProcessSites implements HandoverSites {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> bases = new LinkedHashMap<>();
    private final Map<String, HttpCseClient> clients = new LinkedHashMap<>();
    private final Map<String, RemoteHandoverParticipant> participants = new LinkedHashMap<>();
    private final PrintStream progress;
    private HttpCseClient inClient;
    private ServingRegistry registry;
    private HandoverCoordinator coordinator;
    private DownlinkRouter downlinks;

    /**
     * @param javaCommand the {@code java} executable and class path options, e.g. {@code [java, -cp, …]}
     */
    ProcessSites(int mnCount, int maxInstances, List<String> javaCommand, PrintStream progress) {
        this.progress = progress;
        try {
            KeyPair keys = HandoverTokenIssuer.generateKeyPair();
            String inUrl = launch("in", javaCommand, List.of("in"));
            inClient = new HttpCseClient(inUrl);
            for (int k = 1; k <= mnCount; k++) {
                String cseId = "/id-mn" + k;
                String base = "cse-mn" + k;
                String url = launch("mn" + k, javaCommand,
                        List.of("mn", cseId, base, inUrl, HandoverNodeMain.encode(keys.getPublic())));
                HttpCseClient client = new HttpCseClient(url);
                bases.put(cseId, base);
                clients.put(cseId, client);
                participants.put(cseId, new RemoteHandoverParticipant(cseId, base, client, BenchCse.COORDINATOR));
            }
            CseRequests atIn = new CseRequests(inClient, BenchCse.COORDINATOR);
            registry = new CseServingRegistry(atIn, BenchCse.REGISTRY_PATH);
            coordinator = new HandoverCoordinator(registry, new CseTransactionStore(atIn, BenchCse.REGISTRY_PATH),
                    new HandoverTokenIssuer(keys.getPrivate(), Clock.systemUTC(),
                            HandoverTokenIssuer.DEFAULT_TIME_TO_LIVE),
                    id -> Optional.ofNullable(participants.get(id)), Clock.systemUTC(), maxInstances);
            downlinks = new DownlinkRouter(registry, clients::get, Clock.systemUTC(), 1000, Duration.ofSeconds(30));
            coordinator.downlinks(downlinks);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private String launch(String name, List<String> javaCommand, List<String> args) {
        List<String> command = new ArrayList<>(javaCommand);
        command.add(HandoverNodeMain.class.getName());
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start bench node " + name + ": " + e.getMessage(), e);
        }
        processes.add(process);
        CompletableFuture<String> listening = new CompletableFuture<>();
        Deque<String> tail = new ArrayDeque<>();
        Thread.ofVirtual().name("bench-node-" + name).start(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    int at = line.indexOf(HandoverNodeMain.LISTENING);
                    if (at >= 0) {
                        listening.complete(line.substring(at + HandoverNodeMain.LISTENING.length()).trim());
                    } else if (line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("Exception")) {
                        progress.println("[" + name + "] " + line);
                    }
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 20) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            listening.completeExceptionally(new IllegalStateException("bench node " + name
                    + " ended before it listened; last output: " + tail));
        });
        try {
            String url = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            progress.println("[bench] " + name + " (pid " + process.pid() + ") listening on " + url);
            return url;
        } catch (Exception e) {
            throw new IllegalStateException("bench node " + name + " did not start within " + START_TIMEOUT + ": "
                    + e.getMessage(), e);
        }
    }

    /** The child process of an MN-CSE, e.g. to kill it. */
    Process process(int index) {
        return processes.get(index);
    }

    @Override
    public List<String> mnCseIds() {
        return List.copyOf(bases.keySet());
    }

    @Override
    public String base(String cseId) {
        return bases.get(cseId);
    }

    @Override
    public CseClient mn(String cseId) {
        return clients.get(cseId);
    }

    @Override
    public ServingRegistry deviceRegistry() {
        return registry;
    }

    @Override
    public ServingRegistry registry() {
        return registry;
    }

    @Override
    public HandoverCoordinator coordinator() {
        return coordinator;
    }

    @Override
    public DownlinkRouter downlinks() {
        return downlinks;
    }

    @Override
    public MessageTally tally() {
        MessageTally all = new MessageTally();
        bases.forEach((cseId, base) -> {
            Response r = clients.get(cseId).send(Request.builder().operation(Operation.RETRIEVE)
                    .to(base + "/" + MessageRecorder.TALLY_RESOURCE).from(BenchCse.COORDINATOR).releaseVersion("3")
                    .requestId("tally").build());
            if (r.statusCode() != ResponseStatusCode.OK) {
                throw new IllegalStateException("tally of " + cseId + ": " + r.statusCode() + " " + r.debugMessage());
            }
            all.merge(MessageTally.fromJson(r.content().path("oe:benchTally")));
        });
        return all;
    }

    @Override
    public void close() {
        clients.values().forEach(HttpCseClient::close);
        if (inClient != null) {
            inClient.close();
        }
        for (Process p : processes.reversed()) {
            try {
                p.getOutputStream().close(); // the node stops when its standard input closes
            } catch (IOException e) {
                // already gone
            }
        }
        for (Process p : processes.reversed()) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
