package org.oneedge.bench.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oneedge.handover.HandoverAwareClient;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.handover.remote.RemoteHandoverParticipant;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.ReasonCode;
import org.oneedge.handover.transaction.TransactionState;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Crash safety of the handover (HANDOVER.md "resumable after a crash of any participant"), as a matrix: the source
 * MN-CSE, the target MN-CSE or the coordinator, each a separate process, is SIGKILLed when the transaction has just
 * reached REQUESTED, PREPARING, TRANSFERRING or SWITCHING, or in TRANSFERRING right after the context transfer (the
 * coordinator blocks there on a test-only pause and the test waits for the transaction resource to show the state). The killed process restarts (an MN-CSE on its H2 store
 * and port; a fresh coordinator resumes), while a device keeps sending uplinks and an application downlinks. Then
 * exactly one CSE serves the AE and holds its tree, the transaction has ended, the device went on, and every uplink
 * and downlink acknowledged is stored once at the serving CSE. The outcome of each cell is printed as
 * {@code [crash matrix] …} when the class ends, with the H2 files a restarted MN-CSE found to need
 * {@code H2HeaderRepair} (a target killed right after the switch lost every uplink it had acknowledged without it).
 *
 * <p>One topology (IN-CSE, two durable MN-CSEs, coordinator) serves every case; each case moves its own AE from
 * {@code /id-mn1} to {@code /id-mn2}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandoverCrashMatrixIT {

    /** The process killed. */
    enum Victim { SOURCE, TARGET, COORDINATOR }

    /**
     * Where the coordinator stops for the kill: right after storing a state, or (SNAPSHOT) in TRANSFERRING once the
     * context was exported and imported, just before the registry switch.
     */
    enum Point {
        REQUESTED(TransactionState.REQUESTED), PREPARING(TransactionState.PREPARING),
        TRANSFERRING(TransactionState.TRANSFERRING), SNAPSHOT(TransactionState.TRANSFERRING),
        SWITCHING(TransactionState.SWITCHING);

        final TransactionState state;

        Point(TransactionState state) {
            this.state = state;
        }
    }

    private static final String SOURCE = "/id-mn1";
    private static final String TARGET = "/id-mn2";
    private static final Duration CONVERGES_WITHIN = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir; // static: injected before @BeforeAll, one set of stores for the whole matrix

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private final Map<String, String> matrix = new ConcurrentSkipListMap<>();
    private ProcessSites sites;
    private volatile CoordinatorChild coordinator;

    @BeforeAll
    void start_topology() {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-XX:-UsePerfData", "-cp",
                System.getProperty("java.class.path"));
        sites = new ProcessSites(2, 10_000, java, new PrintStream(progress, true, StandardCharsets.UTF_8), dataDir);
        coordinator = sites.startCoordinatorProcess();
    }

    @AfterAll
    void stop_topology() {
        if (sites != null) {
            sites.close();
        }
        matrix.forEach((cell, outcome) -> System.out.println("[crash matrix] " + cell + " -> " + outcome));
        progress.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("H2HeaderRepair"))
                .forEach(l -> System.out.println("[crash matrix] store repaired: " + l));
    }

    /**
     * Every victim at every point, or only the cells the system property {@code crash.cells} names, e.g.
     * {@code -Dcrash.cells=TARGET:SWITCHING,SOURCE:SNAPSHOT} (a test property, to repeat one cell quickly).
     */
    static Stream<Arguments> matrix() {
        String only = System.getProperty("crash.cells", "");
        Set<String> chosen = only.isBlank() ? Set.of() : Set.of(only.split(","));
        List<Arguments> cases = new ArrayList<>();
        for (Victim victim : Victim.values()) {
            for (Point point : Point.values()) {
                if (chosen.isEmpty() || chosen.contains(victim + ":" + point)) {
                    cases.add(Arguments.of(victim, point));
                }
            }
        }
        return cases.stream();
    }

    /**
     * What the handover ends in: before the commit (the registry switch, taken at the end of TRANSFERRING) it rolls
     * back and the source serves; after it the target serves. A coordinator that lives on after the snapshot commits
     * (a dead target serves once restarted: its import is on its store). A dead source after the commit cannot be
     * cleaned up by the coordinator (FAILED, SOURCE_CLEANUP_FAILED, as HANDOVER.md's reason codes say): the restarted
     * source drops its leftover itself ({@code HandoverNode.reconcile}).
     */
    private static Expected expected(Victim victim, Point point) {
        if (point == Point.SWITCHING || (point == Point.SNAPSHOT && victim != Victim.COORDINATOR)) {
            return victim == Victim.SOURCE
                    ? new Expected(TransactionState.FAILED, ReasonCode.SOURCE_CLEANUP_FAILED, TARGET)
                    : new Expected(TransactionState.COMPLETED, null, TARGET);
        }
        ReasonCode why = switch (victim) {
            case COORDINATOR -> ReasonCode.INTERRUPTED;
            case TARGET -> point == Point.TRANSFERRING ? ReasonCode.TRANSFER_FAILED
                    : ReasonCode.TARGET_REFUSED;
            case SOURCE -> ReasonCode.TRANSFER_FAILED;
        };
        return new Expected(TransactionState.ROLLED_BACK, why, SOURCE);
    }

    private record Expected(TransactionState state, ReasonCode reason, String serving) {
    }

    @ParameterizedTest(name = "{0} killed at {1}")
    @MethodSource("matrix")
    void sigkill_converges_to_one_serving_cse_with_nothing_acknowledged_lost(Victim victim, Point point) {
        ensureRunning();
        TransactionState state = point.state;
        String aeId = "Ccr" + victim.name().charAt(0) + point.ordinal();
        String rn = "dev" + aeId.substring(3);
        String txid = "crash-" + aeId;
        HandoverAwareClient device = register(aeId, rn);
        Traffic traffic = new Traffic(aeId, rn, device);
        traffic.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> traffic.uplinksAcknowledged() >= 10);

        CoordinatorChild driving = coordinator;
        driving.send("handover " + txid + " " + aeId + " " + TARGET + " " + point);
        await().atMost(Duration.ofSeconds(30)).until(() -> driving.line("paused " + txid + " " + state).isPresent());
        assertThat(sites.transactions().find(txid)).get().extracting(HandoverTransaction::state).isEqualTo(state);
        int acknowledgedBeforeKill = traffic.uplinksAcknowledged();
        int downlinksBeforeKill = traffic.downlinksSent();

        switch (victim) {
            case COORDINATOR -> {
                driving.kill();
                coordinator = sites.startCoordinatorProcess();
                coordinator.send("resume");
                await().atMost(CONVERGES_WITHIN).until(() -> coordinator.line("resumed").isPresent()
                        || coordinator.line("error resume").isPresent());
            }
            case SOURCE, TARGET -> {
                String killed = victim == Victim.SOURCE ? SOURCE : TARGET;
                sites.kill(killed);
                driving.send("proceed " + txid);
                await().atMost(CONVERGES_WITHIN).until(() -> driving.line("ended " + txid).isPresent()
                        || driving.line("error " + txid).isPresent());
                sites.restart(killed);
            }
        }

        Expected expected = expected(victim, point);
        await().atMost(CONVERGES_WITHIN).untilAsserted(() -> {
            HandoverTransaction tx = sites.transactions().find(txid).orElseThrow();
            assertThat(tx.state()).as("transaction; %s", log()).isEqualTo(expected.state());
            assertThat(tx.reason()).isEqualTo(expected.reason());
            ServingEntry entry = sites.registry().resolve(aeId).orElseThrow();
            assertThat(entry.state()).isEqualTo(ServingState.SERVING);
            assertThat(entry.servingCseId()).isEqualTo(expected.serving());
            assertThat(participant(expected.serving()).hosts(aeId)).as("AE at the serving CSE").isTrue();
            assertThat(participant(other(expected.serving())).hosts(aeId)).as("AE left at the other CSE").isFalse();
        });
        await().atMost(CONVERGES_WITHIN).until(() -> traffic.uplinksAcknowledged() >= acknowledgedBeforeKill + 10
                && traffic.downlinksSent() >= downlinksBeforeKill + 5);
        traffic.stop();

        HandoverTransaction tx = sites.transactions().find(txid).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> { // held downlinks may still be on their way
            Stored stored = stored(expected.serving(), rn);
            assertThat(stored.uplinks()).as("uplinks stored once each").doesNotHaveDuplicates();
            assertThat(stored.downlinks()).as("downlinks stored once each").doesNotHaveDuplicates();
            Set<Integer> missing = new TreeSet<>(traffic.acknowledgedUplinks());
            stored.uplinks().forEach(missing::remove);
            assertThat(missing).as("acknowledged uplinks not stored (answers %s; at the other CSE %s); %s",
                    traffic.answers, stored(other(expected.serving()), rn), log()).isEmpty();
            assertThat(stored.downlinks()).as("acknowledged downlinks delivered; %s", log())
                    .containsAll(traffic.acknowledgedDownlinks());
            // held by the coordinator (kept at the IN-CSE, so a killed one's are delivered by the next one)
            assertThat(stored.downlinks()).as("held downlinks delivered; %s", log())
                    .containsAll(traffic.heldDownlinks());
        });
        matrix.put(victim + " killed at " + point, tx.state() + (tx.reason() == null ? "" : " " + tx.reason())
                + ", served by " + expected.serving() + "; uplinks acknowledged " + traffic.acknowledgedUplinks().size()
                + ", downlinks acknowledged " + traffic.acknowledgedDownlinks().size() + " + held "
                + traffic.heldDownlinks().size() + ", uplink replays refused as applied " + traffic.conflicts.get());
    }

    /** Restarts whatever an earlier case left dead, so each case starts from the whole topology. */
    private void ensureRunning() {
        for (String cseId : List.of(SOURCE, TARGET)) {
            if (!sites.alive(cseId)) {
                sites.restart(cseId);
            }
        }
        if (!coordinator.alive()) {
            coordinator = sites.startCoordinatorProcess();
        }
    }

    private HandoverAwareClient register(String aeId, String rn) {
        Response ae = sites.mn(SOURCE).send(Request.builder().operation(Operation.CREATE).to("cse-mn1").from(aeId)
                .requestId("reg").releaseVersion("3").resourceType(ResourceType.AE).content(ContentCodec.parse(
                        "{\"m2m:ae\":{\"rn\":\"" + rn + "\",\"api\":\"Ncrash\",\"rr\":false,\"srv\":[\"3\"]}}"))
                .build());
        assertThat(ae.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(sites.registry().compareAndSet(aeId, ServingRegistry.ABSENT, ServingEntry.registered(aeId, SOURCE))
                .committed()).isTrue();
        HandoverAwareClient device = new HandoverAwareClient(aeId, sites.registry(), sites::mn);
        assertThat(device.send(Request.builder().operation(Operation.CREATE).to("-/" + rn).from(aeId).requestId("x")
                .releaseVersion("3").resourceType(ResourceType.CONTAINER)
                .content(ContentCodec.parse("{\"m2m:cnt\":{\"rn\":\"data\"}}")).build()).statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
        device.drainOutcomes();
        return device;
    }

    /**
     * The device's uplinks (one every 5 ms, number n is request n + 1: the container was request 1) and an
     * application's downlinks through the coordinator's downlink router (one every 20 ms). Each uplink names its
     * contentInstance {@code u<n>}: the uplink window lives in the CSE's memory, so a request applied just before a
     * SIGKILL and replayed after the restart is refused as a name conflict instead of being stored twice.
     */
    private final class Traffic {
        private final String aeId;
        private final String rn;
        private final HandoverAwareClient device;
        private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        private final Map<Integer, String> answers = new ConcurrentSkipListMap<>();
        private final AtomicInteger conflicts = new AtomicInteger();
        private final AtomicInteger downlinks = new AtomicInteger();
        private final List<CoordinatorChild> routers = new CopyOnWriteArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread up;
        private Thread down;

        Traffic(String aeId, String rn, HandoverAwareClient device) {
            this.aeId = aeId;
            this.rn = rn;
            this.device = device;
        }

        void start() {
            up = Thread.ofVirtual().start(this::sendUplinks);
            down = Thread.ofVirtual().start(this::sendDownlinks);
        }

        int uplinksAcknowledged() {
            return acknowledged.size();
        }

        int downlinksSent() {
            return downlinks.get();
        }

        void stop() {
            running.set(false);
            join(up);
            join(down);
        }

        private void sendUplinks() {
            int n = 0;
            while (running.get()) {
                if (device.buffered() > 0) {
                    device.flush();
                } else {
                    n++;
                    device.send(Request.builder().operation(Operation.CREATE).to("-/" + rn + "/data").from(aeId)
                            .requestId("x").releaseVersion("3").resourceType(ResourceType.CONTENT_INSTANCE)
                            .content(ContentCodec.parse("{\"m2m:cin\":{\"rn\":\"u" + n + "\",\"con\":\"u" + n
                                    + "\"}}")).build());
                }
                record(device.drainOutcomes());
                LockSupport.parkNanos(5_000_000);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (device.flush() > 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(5_000_000);
            }
            record(device.drainOutcomes());
        }

        private void record(List<HandoverAwareClient.Outcome> outcomes) {
            for (HandoverAwareClient.Outcome o : outcomes) {
                answers.put((int) o.sequence() - 1, o.response().statusCode().code() + " " + device.servingCseId());
                if (o.acknowledged()) {
                    acknowledged.add((int) o.sequence() - 1);
                } else if (o.response().statusCode() == ResponseStatusCode.CONFLICT) {
                    conflicts.incrementAndGet();
                }
            }
        }

        private void sendDownlinks() {
            Map<CoordinatorChild, AtomicInteger> sent = new ConcurrentHashMap<>();
            while (running.get()) {
                CoordinatorChild router = coordinator;
                if (!routers.contains(router)) {
                    routers.add(router);
                }
                int k = downlinks.incrementAndGet();
                router.send("downlink " + aeId + "-" + k + " " + aeId + " -/" + rn + "/data d" + k);
                sent.computeIfAbsent(router, r -> new AtomicInteger()).incrementAndGet();
                LockSupport.parkNanos(20_000_000);
            }
            String prefix = "downlink " + aeId + "-";
            for (CoordinatorChild router : routers) { // every downlink a living router took has its answer
                await().atMost(Duration.ofSeconds(20)).until(() -> !router.alive() || router.lines().stream()
                        .filter(l -> l.startsWith(prefix)).count() >= sent.get(router).get());
            }
        }

        /** Downlinks answered with a status: 2001 stored now, 1000 held for the switch. */
        private Set<Integer> downlinks(ResponseStatusCode status) {
            Set<Integer> found = new TreeSet<>();
            String prefix = "downlink " + aeId + "-";
            for (CoordinatorChild router : routers) {
                for (String line : router.lines()) {
                    if (line.startsWith(prefix) && line.endsWith(" " + status.code())) {
                        found.add(Integer.parseInt(line.substring(prefix.length(), line.indexOf(' ', prefix.length()))));
                    }
                }
            }
            return found;
        }

        Set<Integer> acknowledgedUplinks() {
            return new TreeSet<>(acknowledged);
        }

        Set<Integer> acknowledgedDownlinks() {
            return downlinks(ResponseStatusCode.CREATED);
        }

        Set<Integer> heldDownlinks() {
            return downlinks(ResponseStatusCode.ACCEPTED);
        }
    }

    private record Stored(List<Integer> uplinks, List<Integer> downlinks) {
    }

    /** The contentInstances of the AE's container at {@code cseId} (rcn 4: with child resources), by kind. */
    private Stored stored(String cseId, String rn) {
        Response r = sites.mn(cseId).send(Request.builder().operation(Operation.RETRIEVE)
                .to(sites.base(cseId) + "/" + rn + "/data").from("CAdmin").requestId("read").releaseVersion("3")
                .resultContent(4).build());
        if (r.statusCode() == ResponseStatusCode.NOT_FOUND) {
            return new Stored(List.of(), List.of());
        }
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
        List<Integer> up = new ArrayList<>();
        List<Integer> down = new ArrayList<>();
        for (JsonNode con : r.content().findValues("con")) {
            String text = con.asText();
            (text.startsWith("u") ? up : down).add(Integer.parseInt(text.substring(1)));
        }
        return new Stored(up, down);
    }

    private RemoteHandoverParticipant participant(String cseId) {
        return new RemoteHandoverParticipant(cseId, sites.base(cseId), sites.mn(cseId), BenchCse.COORDINATOR);
    }

    private static String other(String cseId) {
        return cseId.equals(SOURCE) ? TARGET : SOURCE;
    }

    private String log() {
        String all = progress.toString(StandardCharsets.UTF_8);
        return all.length() > 6000 ? all.substring(all.length() - 6000) : all;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
