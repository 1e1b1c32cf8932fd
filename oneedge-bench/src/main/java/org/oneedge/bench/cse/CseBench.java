package org.oneedge.bench.cse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.oneedge.bench.http.BenchClientKind.ConnectionFactory;
import org.oneedge.bench.http.BenchConnection;
import org.oneedge.bench.http.BenchReply;
import org.oneedge.bench.http.BenchRequest;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;

/**
 * End-to-end CSE benchmark over TS-0009 HTTP: registers an AE, creates a container, then measures contentInstance
 * creates and {@code la} retrieves with one client and with many, optionally a bare HTTP handler on the same server
 * stack as a baseline, and whether {@code la} stays flat as the container grows.
 *
 * <pre>
 *   setup      POST /cse-in (ty=2 AE)  POST /cse-in/ae (ty=3 cnt "data", "flat")
 *   creates    POST /cse-in/ae/data (ty=4)        1 client, then N clients
 *   la         GET  /cse-in/ae/data/la            1 client, then N clients
 *   bare       GET  baseline URL                  1 client, then N clients   (--baseline)
 *   flatness   GET  /cse-in/ae/flat/la            N clients at 10 instances, fill, N clients at flat-size
 * </pre>
 */
public final class CseBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELEASE = "3";
    private static final long HIGHEST_MICROS = 60_000_000L;

    private final CseBenchOptions options;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String basePath;
    private final URI server;
    private String aeName;
    private String originator;

    public CseBench(CseBenchOptions options) {
        this.options = options;
        URI base = options.cseBaseUrl();
        this.server = URI.create(base.getScheme() + "://" + base.getHost() + ":" + port(base) + "/");
        String path = base.getPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Runs every phase and returns the figures. */
    public CseBenchReport run() throws IOException {
        List<PhaseResult> phases = new ArrayList<>();
        Map<String, PhaseResult> bare = new LinkedHashMap<>();
        PhaseResult flatSmall = null;
        PhaseResult flatLarge = null;
        try (ConnectionFactory cse = options.client().factory(server)) {
            setUp(cse);
            String data = basePath + "/" + aeName + "/data";
            phases.add(phase("create sequential", "createsSequential", 1, cse, createsInto(data), 201));
            phases.add(phase("create concurrent", "creates", options.clients(), cse, createsInto(data), 201));
            phases.add(phase("la sequential", "laSequential", 1, cse, c -> () -> latest(data), 200));
            phases.add(phase("la concurrent", "la", options.clients(), cse, c -> () -> latest(data), 200));
            if (options.baselineUrl() != null) {
                URI b = options.baselineUrl();
                URI bareServer = URI.create(b.getScheme() + "://" + b.getHost() + ":" + port(b) + "/");
                String barePath = b.getRawPath() + (b.getRawQuery() == null ? "" : "?" + b.getRawQuery());
                try (ConnectionFactory bareClients = options.client().factory(bareServer)) {
                    bare.put("sequential", phase("bare handler sequential", "bareSequential", 1, bareClients,
                            c -> () -> bareGet(barePath), 200));
                    bare.put("concurrent", phase("bare handler concurrent", "bare", options.clients(), bareClients,
                            c -> () -> bareGet(barePath), 200));
                }
            }
            if (options.flatSize() > 0) {
                String flat = basePath + "/" + aeName + "/flat";
                createContainer(cse, "flat");
                fill(cse, flat, 10);
                flatSmall = phase("la at 10 instances", "laFlatSmall", options.clients(), cse,
                        c -> () -> latest(flat), 200);
                if (options.filler() != null) {
                    fillStore(flat, options.flatSize() - 10);
                } else {
                    fill(cse, flat, options.flatSize() - 10);
                }
                flatLarge = phase("la at " + options.flatSize() + " instances", "laFlatLarge", options.clients(), cse,
                        c -> () -> latest(flat), 200);
            }
            if (options.inProcess() == null) {
                cleanUp(cse);
            }
        }
        return new CseBenchReport(options, phases, bare, flatSmall, flatLarge);
    }

    // --- setup -------------------------------------------------------------------------------------------------

    private void setUp(ConnectionFactory cse) throws IOException {
        aeName = "bench-ae-" + run;
        ObjectNode ae = JSON.createObjectNode();
        ae.putObject("m2m:ae").put("rn", aeName).put("api", "Nbench").put("rr", false).putArray("srv").add(RELEASE);
        try (BenchConnection c = cse.open()) {
            BenchReply reply = c.send(post(basePath, "Cbench-" + run, ResourceType.AE, ae));
            if (reply.status() != 201) {
                throw new IOException("registering the benchmark AE at " + options.cseBaseUrl() + " failed: HTTP "
                        + reply.status() + " rsc=" + reply.header("X-M2M-RSC") + " " + reply.bodyText());
            }
            JsonNode aei = JSON.readTree(reply.body()).path("m2m:ae").path("aei");
            originator = aei.isTextual() ? aei.asText() : "Cbench-" + run;
        }
        createContainer(cse, "data");
        progress("registered AE %s (originator %s) at %s", aeName, originator, options.cseBaseUrl());
    }

    private void createContainer(ConnectionFactory cse, String name) throws IOException {
        ObjectNode cnt = JSON.createObjectNode();
        // Limits far above what the benchmark writes, so that no instance is dropped under the measured requests.
        cnt.putObject("m2m:cnt").put("rn", name).put("mni", 1_000_000_000L).put("mbs", 1_000_000_000_000L);
        try (BenchConnection c = cse.open()) {
            BenchReply reply = c.send(post(basePath + "/" + aeName, originator, ResourceType.CONTAINER, cnt));
            if (reply.status() != 201) {
                throw new IOException("creating container " + name + " failed: HTTP " + reply.status() + " rsc="
                        + reply.header("X-M2M-RSC") + " " + reply.bodyText());
            }
        }
    }

    private void cleanUp(ConnectionFactory cse) {
        progress("deleting the benchmark AE %s", aeName);
        try (BenchConnection c = cse.open()) {
            c.send(new BenchRequest("DELETE", basePath + "/" + aeName, headers(originator, "del-" + run), null));
        } catch (IOException e) {
            progress("could not delete the benchmark AE %s: %s", aeName, e.getMessage());
        }
    }

    // --- requests ----------------------------------------------------------------------------------------------

    private IntFunction<RequestSource> createsInto(String containerPath) {
        byte[] body = contentInstance();
        return client -> {
            AtomicLong n = new AtomicLong();
            return () -> new BenchRequest("POST", containerPath,
                    withType(headers(originator, "c" + client + "-" + n.incrementAndGet()), ResourceType.CONTENT_INSTANCE),
                    body);
        };
    }

    private BenchRequest latest(String containerPath) {
        return new BenchRequest("GET", containerPath + "/la", headers(originator, "la"), null);
    }

    private BenchRequest bareGet(String path) {
        return new BenchRequest("GET", path, headers(originator, "la"), null);
    }

    private byte[] contentInstance() {
        ObjectNode cin = JSON.createObjectNode();
        cin.putObject("m2m:cin").put("cnf", "text/plain:0").put("con", "x".repeat(options.payloadBytes()));
        return cin.toString().getBytes(StandardCharsets.UTF_8);
    }

    private BenchRequest post(String path, String from, ResourceType type, ObjectNode content) {
        return new BenchRequest("POST", path, withType(headers(from, "setup-" + run), type),
                content.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> headers(String from, String requestId) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-M2M-Origin", from);
        h.put("X-M2M-RI", requestId);
        h.put("X-M2M-RVI", RELEASE);
        h.put("Accept", "application/json");
        return h;
    }

    private static Map<String, String> withType(Map<String, String> headers, ResourceType type) {
        headers.put("Content-Type", "application/json;ty=" + type.ty());
        return headers;
    }

    // --- phases ------------------------------------------------------------------------------------------------

    /** The requests one client sends, one after the other. */
    @FunctionalInterface
    private interface RequestSource {
        BenchRequest next();
    }

    private PhaseResult phase(String name, String key, int clients, ConnectionFactory factory,
                              IntFunction<RequestSource> sources, int expectedStatus) throws IOException {
        progress("%s: %d client%s, warmup %s, measuring %s ...", name, clients, clients == 1 ? "" : "s",
                human(options.warmup()), human(options.duration()));
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Long> startNanos = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Histogram h = new Histogram(HIGHEST_MICROS, 3);
            histograms.add(h);
            RequestSource source = sources.apply(i);
            threads.add(Thread.ofPlatform().name("bench-client-" + i).start(() -> {
                try (BenchConnection c = factory.open()) {
                    ready.countDown();
                    go.await();
                    long warmupEnd = startNanos.get() + options.warmup().toNanos();
                    long end = warmupEnd + options.duration().toNanos();
                    long now = System.nanoTime();
                    long done = 0;
                    long failed = 0;
                    // every client measures at least one request, so a phase on a starved machine still reports
                    while (now < end || done + failed == 0) {
                        BenchRequest request = source.next();
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            BenchReply reply = c.send(request);
                            ok = reply.status() == expectedStatus;
                            if (!ok) {
                                firstError.compareAndSet(null, "HTTP " + reply.status() + " rsc="
                                        + reply.header("X-M2M-RSC") + " " + reply.bodyText());
                            }
                        } catch (IOException e) {
                            ok = false;
                            firstError.compareAndSet(null, e.toString());
                        }
                        now = System.nanoTime();
                        if (t0 >= warmupEnd && (now <= end || done + failed == 0)) {
                            if (ok) {
                                h.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (now - t0) / 1000)));
                                done++;
                            } else {
                                failed++;
                            }
                        }
                    }
                    requests.addAndGet(done);
                    errors.addAndGet(failed);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        try {
            ready.await();
            startNanos.set(System.nanoTime());
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during " + name, e);
        }
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        histograms.forEach(all::add);
        PhaseResult r = new PhaseResult(name, key, clients, requests.get(), errors.get(),
                options.duration().toNanos() / 1e9, all);
        progress("%s: %,.0f req/s, p99 %.2f ms%s", name, r.perSecond(), r.p99Ms(),
                r.errors() > 0 ? ", " + r.errors() + " errors, first: " + firstError.get() : "");
        return r;
    }

    /**
     * Adds {@code count} instances to a container, in-process when the CSE is in this JVM, else over HTTP. Failed
     * creates are counted and retried (reported at the end); too many of them stop the benchmark.
     */
    private void fill(ConnectionFactory cse, String containerPath, int count) throws IOException {
        if (count <= 0) {
            return;
        }
        String how = options.inProcess() != null ? "in-process" : "over HTTP";
        progress("filling %s with %,d instances (%s, %d writers) ...", containerPath, count, how, options.clients());
        AtomicInteger claimed = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int maxFailures = Math.max(100, count / 10);
        AtomicReference<String> firstFailure = new AtomicReference<>();
        byte[] body = contentInstance();
        JsonNode content = JSON.readTree(body);
        String to = containerPath.substring(1); // CSE-relative, e.g. cse-in/ae/flat
        long start = System.nanoTime();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            int writer = i;
            writers.add(Thread.ofPlatform().name("bench-fill-" + i).start(() -> {
                try (BenchConnection c = options.inProcess() == null ? cse.open() : null) {
                    int n = claimed.getAndIncrement();
                    while (n < count && failed.get() <= maxFailures) {
                        String rqi = "f" + writer + "-" + n;
                        String problem = null;
                        if (options.inProcess() != null) {
                            Response r = options.inProcess().send(Request.builder().operation(Operation.CREATE)
                                    .to(to).from(originator).requestId(rqi).releaseVersion(RELEASE)
                                    .resourceType(ResourceType.CONTENT_INSTANCE).content(content).build());
                            if (r.statusCode().code() != 2001) {
                                problem = r.statusCode() + " " + r.debugMessage();
                            }
                        } else {
                            BenchReply reply = c.send(new BenchRequest("POST", containerPath,
                                    withType(headers(originator, rqi), ResourceType.CONTENT_INSTANCE), body));
                            if (reply.status() != 201) {
                                problem = "HTTP " + reply.status() + " " + reply.bodyText();
                            }
                        }
                        if (problem == null) {
                            done.incrementAndGet();
                            n = claimed.getAndIncrement();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, problem);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    failed.set(maxFailures + 1);
                    firstFailure.compareAndSet(null, e.toString());
                }
            }));
        }
        long lastReport = System.nanoTime();
        for (Thread t : writers) {
            while (t.isAlive()) {
                try {
                    t.join(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while filling", e);
                }
                if (System.nanoTime() - lastReport > 2_000_000_000L) {
                    lastReport = System.nanoTime();
                    progress("  %,d / %,d instances (%,.0f/s)", done.get(), count,
                            done.get() / ((lastReport - start) / 1e9));
                }
            }
        }
        if (failed.get() > maxFailures) {
            throw new IOException("filling " + containerPath + " failed " + failed.get() + " times, first: "
                    + firstFailure.get());
        }
        progress("  %,d instances added in %.1f s%s", done.get(), (System.nanoTime() - start) / 1e9,
                failed.get() == 0 ? "" : " (" + failed.get() + " creates failed and were retried, first: "
                        + firstFailure.get() + ")");
    }

    private void fillStore(String containerPath, int count) {
        progress("filling %s with %,d instances (batched writes into the store) ...", containerPath, count);
        long start = System.nanoTime();
        long[] lastReport = {start};
        options.filler().fill(containerPath.substring(1), count, done -> {
            long now = System.nanoTime();
            if (now - lastReport[0] > 2_000_000_000L) {
                lastReport[0] = now;
                progress("  %,d / %,d instances (%,.0f/s)", done, count, done / ((now - start) / 1e9));
            }
        });
        progress("  %,d instances added in %.1f s", count, (System.nanoTime() - start) / 1e9);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private void progress(String format, Object... args) {
        PrintStream p = options.progress();
        if (p != null) {
            p.println("[bench] " + String.format(format, args));
            p.flush();
        }
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
