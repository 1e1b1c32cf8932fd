package org.oneedge.bench.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneedge.handover.HandoverAwareClient;
import org.oneedge.handover.HandoverCoordinator;
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
 * Crash safety of a handover across processes (HANDOVER.md "resumable after a crash of any participant"): while a
 * device keeps sending, the source MN-CSE is SIGKILLed in TRANSFERRING (context exported and imported, registry
 * still MIGRATING) and the coordinator dies with it. A restarted coordinator resumes the transaction and the source
 * comes back on its H2 store: the system converges to one serving CSE and every uplink acknowledged is stored there
 * exactly once.
 */
class HandoverCrashIT {

    private static final String AE = "Ccrash1";

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @Test
    void sigkill_of_the_source_in_transferring_converges_to_one_serving_cse_with_nothing_acknowledged_lost() {
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"));
        try (ProcessSites sites = new ProcessSites(2, 10_000, java,
                new PrintStream(progress, true, StandardCharsets.UTF_8), dataDir)) {
            HandoverAwareClient device = register(sites);
            BitSet acknowledged = new BitSet();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sender = Thread.ofVirtual().start(() -> send(device, acknowledged, running));
            await().atMost(Duration.ofSeconds(30)).until(() -> count(acknowledged) >= 20);

            sites.coordinator().afterSnapshot(() -> {
                sites.kill("/id-mn1");
                throw new IllegalStateException("the coordinator crashed too");
            });
            assertThatThrownBy(() -> sites.coordinator().handover("tx-crash", AE, "/id-mn2"))
                    .hasMessageContaining("crashed");
            assertThat(sites.registry().resolve(AE).orElseThrow().state()).isEqualTo(ServingState.MIGRATING);

            HandoverCoordinator restarted = sites.newCoordinator();
            List<HandoverTransaction> resumed = restarted.resume();
            sites.restart("/id-mn1");

            assertThat(resumed).singleElement().satisfies(tx -> {
                assertThat(tx.state()).isEqualTo(TransactionState.ROLLED_BACK);
                assertThat(tx.reason()).isEqualTo(ReasonCode.INTERRUPTED);
            });
            int before = count(acknowledged);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(acknowledged) >= before + 20);
            running.set(false);
            join(sender);

            ServingEntry entry = sites.registry().resolve(AE).orElseThrow();
            assertThat(entry.state()).isEqualTo(ServingState.SERVING);
            assertThat(entry.servingCseId()).isEqualTo("/id-mn1");
            assertThat(new RemoteHandoverParticipant("/id-mn2", "cse-mn2", sites.mn("/id-mn2"), BenchCse.COORDINATOR)
                    .hosts(AE)).isFalse();
            List<Integer> stored = stored(sites);
            BitSet storedSet = new BitSet();
            stored.forEach(storedSet::set);
            assertThat(stored).as("stored once each").doesNotHaveDuplicates();
            BitSet missing = (BitSet) acknowledged.clone();
            missing.andNot(storedSet);
            assertThat(missing.cardinality()).as("acknowledged but not stored: %s; %s", missing,
                    progress.toString(StandardCharsets.UTF_8)).isZero();
        }
    }

    private static HandoverAwareClient register(ProcessSites sites) {
        Response ae = sites.mn("/id-mn1").send(Request.builder().operation(Operation.CREATE).to("cse-mn1").from(AE)
                .requestId("reg").releaseVersion("3").resourceType(ResourceType.AE).content(ContentCodec.parse(
                        "{\"m2m:ae\":{\"rn\":\"dev\",\"api\":\"Ncrash\",\"rr\":false,\"srv\":[\"3\"]}}")).build());
        assertThat(ae.statusCode()).isEqualTo(ResponseStatusCode.CREATED);
        assertThat(sites.registry().compareAndSet(AE, ServingRegistry.ABSENT, ServingEntry.registered(AE, "/id-mn1"))
                .committed()).isTrue();
        HandoverAwareClient device = new HandoverAwareClient(AE, sites.registry(), sites::mn);
        assertThat(device.send(Request.builder().operation(Operation.CREATE).to("-/dev").from(AE).requestId("x")
                .releaseVersion("3").resourceType(ResourceType.CONTAINER)
                .content(ContentCodec.parse("{\"m2m:cnt\":{\"rn\":\"data\"}}")).build()).statusCode())
                .isEqualTo(ResponseStatusCode.CREATED);
        device.drainOutcomes();
        return device;
    }

    /** Sends an uplink every 5 ms (number n is request n + 1: the container was request 1). */
    private static void send(HandoverAwareClient device, BitSet acknowledged, AtomicBoolean running) {
        int n = 0;
        while (running.get()) {
            if (device.buffered() > 0) {
                device.flush();
            } else {
                n++;
                device.send(Request.builder().operation(Operation.CREATE).to("-/dev/data").from(AE).requestId("x")
                        .releaseVersion("3").resourceType(ResourceType.CONTENT_INSTANCE)
                        .content(ContentCodec.parse("{\"m2m:cin\":{\"con\":\"" + n + "\"}}")).build());
            }
            for (HandoverAwareClient.Outcome o : device.drainOutcomes()) {
                if (o.acknowledged()) {
                    synchronized (acknowledged) {
                        acknowledged.set((int) o.sequence() - 1);
                    }
                }
            }
            LockSupport.parkNanos(5_000_000);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (device.flush() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000);
        }
        for (HandoverAwareClient.Outcome o : device.drainOutcomes()) {
            if (o.acknowledged()) {
                synchronized (acknowledged) {
                    acknowledged.set((int) o.sequence() - 1);
                }
            }
        }
    }

    private static int count(BitSet acknowledged) {
        synchronized (acknowledged) {
            return acknowledged.cardinality();
        }
    }

    /** The numbers of every contentInstance in the device's container at /id-mn1 (rcn 4: with child resources). */
    private static List<Integer> stored(ProcessSites sites) {
        Response r = sites.mn("/id-mn1").send(Request.builder().operation(Operation.RETRIEVE).to("cse-mn1/dev/data")
                .from("CAdmin").requestId("read").releaseVersion("3").resultContent(4).build());
        assertThat(r.statusCode()).isEqualTo(ResponseStatusCode.OK);
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode con : r.content().findValues("con")) {
            numbers.add(Integer.parseInt(con.asText()));
        }
        assertThat(numbers).isNotEmpty();
        return numbers;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
