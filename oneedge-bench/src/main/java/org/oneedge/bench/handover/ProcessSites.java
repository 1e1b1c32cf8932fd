package org.oneedge.bench.handover;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.handover.HandoverCoordinator;
import org.oneedge.handover.continuity.CseHeldDownlinks;
import org.oneedge.handover.continuity.DownlinkRouter;
import org.oneedge.handover.onem2m.CseRequests;
import org.oneedge.handover.registry.CseServingRegistry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.remote.RemoteHandoverParticipant;
import org.oneedge.handover.token.HandoverTokenIssuer;
import org.oneedge.handover.transaction.CseTransactionStore;
import org.oneedge.handover.transaction.TransactionStore;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The bench topology as child JVMs (one per CSE, {@link HandoverNodeMain}), started the way the topology runner's
 * {@code --processes} mode starts nodes: the same {@code java} and class path, the IN-CSE first, each node's URL
 * learned from its start-up line. The coordinator and the downlink router run in this process and reach the
 * IN-CSE (registry, transactions) and the MN-CSEs ({@code oeHoCtl}, downlinks) over HTTP only; for crash tests the
 * coordinator also runs as a child JVM of its own ({@link #startCoordinatorProcess()}) and a killed durable MN-CSE
 * restarts on its store and port ({@link #kill}, {@link #restart}).
 */
final class ProcessSites implements HandoverSites {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final List<Process> processes = new ArrayList<>();
    private final Map<String, String> bases = new LinkedHashMap<>();
    private final Map<String, HttpCseClient> clients = new ConcurrentHashMap<>();
    private final Map<String, RemoteHandoverParticipant> participants = new ConcurrentHashMap<>();
    private final Map<String, List<String>> mnArgs = new LinkedHashMap<>();
    private final Map<String, Process> mnProcesses = new ConcurrentHashMap<>();
    private final Map<String, String> mnUrls = new ConcurrentHashMap<>();
    private final List<CoordinatorChild> coordinators = new ArrayList<>();
    private final PrintStream progress;
    private final List<String> javaCommand;
    private final int maxInstances;
    private final KeyPair keys;
    private String inUrl;
    private HttpCseClient inClient;
    private ServingRegistry registry;
    private HandoverCoordinator coordinator;
    private DownlinkRouter downlinks;

    /**
     * @param javaCommand the {@code java} executable and class path options, e.g. {@code [java, -cp, …]}
     */
    ProcessSites(int mnCount, int maxInstances, List<String> javaCommand, PrintStream progress) {
        this(mnCount, maxInstances, javaCommand, progress, null);
    }

    /**
     * @param dataDir where the MN-CSEs keep H2 stores (one directory each), or null for in-memory stores
     */
    ProcessSites(int mnCount, int maxInstances, List<String> javaCommand, PrintStream progress, Path dataDir) {
        this.progress = progress;
        this.javaCommand = List.copyOf(javaCommand);
        this.maxInstances = maxInstances;
        this.keys = HandoverTokenIssuer.generateKeyPair();
        try {
            inUrl = launch("in", javaCommand, List.of("in"));
            inClient = new HttpCseClient(inUrl);
            for (int k = 1; k <= mnCount; k++) {
                String cseId = "/id-mn" + k;
                List<String> args = new ArrayList<>(List.of("mn", cseId, "cse-mn" + k, inUrl,
                        HandoverNodeMain.encode(keys.getPublic())));
                if (dataDir != null) {
                    args.add(dataDir.resolve("mn" + k).toString());
                }
                bases.put(cseId, "cse-mn" + k);
                mnArgs.put(cseId, List.copyOf(args));
                startMn(cseId);
            }
            CseRequests atIn = new CseRequests(inClient, BenchCse.COORDINATOR);
            registry = new CseServingRegistry(atIn, BenchCse.REGISTRY_PATH);
            downlinks = new DownlinkRouter(registry, clients::get, Clock.systemUTC(), 1000, DOWNLINK_MAX_HOLD,
                new CseHeldDownlinks(atIn, BenchCse.REGISTRY_PATH));
            coordinator = newCoordinator();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startMn(String cseId) {
        List<String> args = new ArrayList<>(mnArgs.get(cseId));
        String previous = mnUrls.get(cseId);
        if (previous != null && args.size() == 6) { // durable: back at its address, as a restarted CSE would be
            args.add(String.valueOf(java.net.URI.create(previous).getPort()));
        }
        String url = launch(cseId.substring(4), javaCommand, args);
        mnUrls.put(cseId, url);
        HttpCseClient client = new HttpCseClient(url);
        HttpCseClient old = clients.put(cseId, client);
        if (old != null) {
            old.close();
        }
        participants.put(cseId, new RemoteHandoverParticipant(cseId, bases.get(cseId), client,
                BenchCse.COORDINATOR));
    }

    /**
     * A coordinator as one restarted at the IN-CSE's side would be: same serving registry, transactions and
     * signing key, nothing in memory.
     */
    HandoverCoordinator newCoordinator() {
        CseRequests atIn = new CseRequests(inClient, BenchCse.COORDINATOR);
        return new HandoverCoordinator(registry, new CseTransactionStore(atIn, BenchCse.REGISTRY_PATH),
                new HandoverTokenIssuer(keys.getPrivate(), Clock.systemUTC(), HandoverTokenIssuer.DEFAULT_TIME_TO_LIVE),
                id -> Optional.ofNullable(participants.get(id)), Clock.systemUTC(), maxInstances)
                .downlinks(downlinks);
    }

    /** Kills the MN-CSE's process at once (SIGKILL): no shutdown, no deregistration, nothing flushed. */
    void kill(String cseId) {
        Process p = mnProcesses.get(cseId);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress.println("[bench] " + cseId + " (pid " + p.pid() + ") killed");
    }

    /**
     * Starts the MN-CSE again with the same arguments (and store); a durable one listens on the port it had, an
     * in-memory one on a new port.
     */
    void restart(String cseId) {
        startMn(cseId);
    }

    /** True while the MN-CSE's process runs. */
    boolean alive(String cseId) {
        Process p = mnProcesses.get(cseId);
        return p != null && p.isAlive();
    }

    /**
     * Starts a coordinator in its own process ({@link HandoverCoordinatorMain}) with this topology's registry,
     * transactions, signing key and MN-CSEs (at their current URLs); closed with the topology.
     */
    CoordinatorChild startCoordinatorProcess() {
        List<String> command = new ArrayList<>(javaCommand);
        command.add(HandoverCoordinatorMain.class.getName());
        command.add(inUrl);
        command.add(HandoverCoordinatorMain.encode(keys.getPrivate()));
        command.add(String.valueOf(maxInstances));
        bases.forEach((cseId, base) -> command.add(cseId + "=" + base + "=" + mnUrls.get(cseId)));
        CoordinatorChild child = CoordinatorChild.start(command, progress, START_TIMEOUT);
        synchronized (coordinators) {
            coordinators.add(child);
        }
        return child;
    }

    /** The transactions at the IN-CSE, read as a restarted coordinator would read them. */
    TransactionStore transactions() {
        return new CseTransactionStore(new CseRequests(inClient, BenchCse.COORDINATOR), BenchCse.REGISTRY_PATH);
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
        if (args.get(0).equals("mn")) {
            mnProcesses.put(args.get(1), process);
        }
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
        synchronized (coordinators) {
            coordinators.forEach(CoordinatorChild::close);
            coordinators.clear();
        }
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
