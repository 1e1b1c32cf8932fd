package org.oneedge.bench.handover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.oneedge.handover.HandoverAwareClient;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * {@code oneedge bench handover}: devices send telemetry (a numbered contentInstance every 10 ms into their
 * {@code data} container, through the device SDK {@link HandoverAwareClient}) and receive downlink (numbered
 * contentInstances an application sends into their {@code cmd} container through the {@code DownlinkRouter}),
 * while the coordinator moves every device from MN-CSE to MN-CSE, round after round. Counts every message at both
 * ends and measures what HANDOVER.md asks every handover to record.
 *
 * <pre>
 *   device (virtual thread) ── HTTP ──► MN-CSE k ◄── oeHoCtl / in-process ── coordinator ── registry ──► IN-CSE
 *   application ── DownlinkRouter ── HTTP ──► MN-CSE serving the device            (held while MIGRATING)
 *   each MN-CSE: MessageRecorder counts what it stored ──► tally ──► lost / duplicates
 * </pre>
 */
public final class HandoverBench {

    private static final int SETUP_REQUESTS = 2; // the data and cmd containers, numbered 1 and 2 by the SDK
    /** Rounds moving every device before the measured ones (JIT, connection pools); their figures are dropped. */
    static final int WARMUP_ROUNDS = 2;
    /**
     * Handovers the warm-up makes at least, with few devices in more rounds (but not more than are measured): the
     * export, import and switch code of every node runs once per handover, so with one device two rounds leave it
     * cold and the first measured handovers set the p99. Child JVMs (processes mode) need more than a few dozen to
     * compile it fully: one device, 100 measured rounds, processes: p99 53 ms after 30 warm-up handovers, 27 ms
     * after 100.
     */
    static final int WARMUP_HANDOVERS = 200;

    /** Warm-up rounds before {@code rounds} measured ones of {@code devices} devices. */
    static int warmupRounds(int devices, int rounds) {
        return Math.max(WARMUP_ROUNDS, Math.min((WARMUP_HANDOVERS + devices - 1) / devices, rounds));
    }

    /** Runs the bench on CSEs it starts (in this JVM or as child processes) and stops them. */
    public HandoverBenchReport run(HandoverBenchOptions options) {
        options.progress().println("[bench] handover: starting IN-CSE and " + options.mnCount() + " MN-CSEs ("
                + options.mode().name().toLowerCase() + ")");
        try (HandoverSites sites = options.mode() == HandoverBenchOptions.Mode.JVM
                ? new InJvmSites(options.mnCount(), options.maxInstances())
                : new ProcessSites(options.mnCount(), options.maxInstances(), options.javaCommand(),
                options.progress())) {
            return run(sites, options);
        }
    }

    HandoverBenchReport run(HandoverSites sites, HandoverBenchOptions o) {
        long started = System.nanoTime();
        List<String> mns = sites.mnCseIds();
        List<Device> devices = register(sites, o);
        ConcurrentHistogram interruption = new ConcurrentHistogram(3);
        Run run = new Run();
        List<Thread> threads = new ArrayList<>();
        for (Device d : devices) {
            threads.add(Thread.ofVirtual().name("device-" + d.aeId).start(() -> d.uplinks(run, o, interruption)));
            threads.add(Thread.ofVirtual().name("app-" + d.aeId).start(() -> d.downlinks(run, o, sites)));
        }
        Histogram handoverTime = new Histogram(3);
        Histogram hold = new Histogram(3);
        Histogram preparation = new Histogram(3);
        Histogram transfer = new Histogram(3);
        long[] outcome = new long[3]; // completed, rolled back, failed
        long transferTotal = 0;
        List<Double> moveAll = new ArrayList<>();
        int rounds = o.effectiveRounds();
        Duration settle = Duration.ofMillis(Math.max(50, Math.min(500, o.devices())));
        pause(settle);
        int warmup = warmupRounds(devices.size(), rounds);
        for (int round = 1; round <= warmup; round++) {
            String target = mns.get(round % mns.size());
            long roundStart = System.nanoTime();
            moveAll(sites, devices, target, -round, o, new Histogram(3));
            o.progress().printf("[bench] warm-up round %d/%d: %d device(s) to %s in %.2f s (not measured)%n", round,
                    warmup, devices.size(), target, (System.nanoTime() - roundStart) / 1e9);
            pause(settle);
        }
        interruption.reset();
        for (int round = 1 + warmup; round <= rounds + warmup; round++) {
            String target = mns.get(round % mns.size());
            long roundStart = System.nanoTime();
            List<HandoverTransaction> done = moveAll(sites, devices, target, round, o, handoverTime);
            double seconds = (System.nanoTime() - roundStart) / 1e9;
            moveAll.add(seconds);
            for (HandoverTransaction tx : done) {
                switch (tx.state()) {
                    case COMPLETED -> outcome[0]++;
                    case ROLLED_BACK -> outcome[1]++;
                    default -> outcome[2]++;
                }
                transferTotal += tx.figures().transferBytes();
                hold.recordValue(tx.figures().downlinkHold().toMillis());
                preparation.recordValue(tx.figures().preparation().toMillis());
                transfer.recordValue(tx.figures().transfer().toMillis());
            }
            outcome[2] += devices.size() - done.size();
            if (rounds <= 20 || (round - warmup) % 10 == 0 || round == rounds + warmup) {
                o.progress().printf("[bench] round %d/%d: %d device(s) to %s in %.2f s, uplink interruption p99"
                                + " so far %.1f ms%n", round - warmup, rounds, devices.size(), target, seconds,
                        interruption.getValueAtPercentile(99) / 1000.0);
            }
            pause(settle);
        }
        run.stop();
        threads.forEach(HandoverBench::join);
        for (Device d : devices) {
            d.drain(run);
        }
        awaitHeldDownlinks(sites, o);
        MessageTally stored = sites.tally();
        return report(o, rounds, devices, stored, interruption, hold, handoverTime, preparation, transfer, outcome,
                transferTotal, moveAll, (System.nanoTime() - started) / 1e9);
    }

    private static List<Device> register(HandoverSites sites, HandoverBenchOptions o) {
        String first = sites.mnCseIds().get(0);
        List<Device> devices = new ArrayList<>();
        Semaphore permits = new Semaphore(32);
        List<Future<Device>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= o.devices(); i++) {
                String aeId = "Cbench" + i;
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        return Device.register(sites, aeId, first);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<Device> f : futures) {
                devices.add(f.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("registering the bench devices failed: " + e.getMessage(), e);
        }
        o.progress().println("[bench] " + devices.size() + " device(s) registered at " + first);
        return devices;
    }

    private static List<HandoverTransaction> moveAll(HandoverSites sites, List<Device> devices, String target,
                                                     int round, HandoverBenchOptions o, Histogram handoverTime) {
        Semaphore permits = new Semaphore(o.concurrency());
        List<Future<HandoverTransaction>> futures = new ArrayList<>();
        List<HandoverTransaction> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Device d : devices) {
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        long t0 = System.nanoTime();
                        HandoverTransaction tx = sites.coordinator().handover(
                                (round < 0 ? "w" + -round : "r" + round) + "-" + d.aeId, d.aeId,
                                target);
                        synchronized (handoverTime) {
                            handoverTime.recordValue((System.nanoTime() - t0) / 1000);
                        }
                        return tx;
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<HandoverTransaction> f : futures) {
                try {
                    done.add(f.get());
                } catch (Exception e) {
                    o.progress().println("[bench] a handover failed: " + e.getCause());
                }
            }
        }
        return done;
    }

    private static HandoverBenchReport report(HandoverBenchOptions o, int rounds, List<Device> devices,
                                              MessageTally stored, Histogram interruption, Histogram hold,
                                              Histogram handoverTime, Histogram preparation, Histogram transfer,
                                              long[] outcome, long transferTotal,
                                              List<Double> moveAll, double seconds) {
        long upSent = 0;
        long upAcked = 0;
        long upUnacked = 0;
        long upLost = 0;
        long downSent = 0;
        long downAccepted = 0;
        long downRefused = 0;
        long downLost = 0;
        for (Device d : devices) {
            upSent += d.uplinksSent;
            upAcked += d.acknowledged.cardinality();
            upUnacked += d.unacknowledged;
            BitSet missing = (BitSet) d.acknowledged.clone();
            missing.andNot(stored.received(d.aeId, MessageTally.Direction.UP));
            upLost += missing.cardinality();
            downSent += d.downlinksSent;
            downAccepted += d.accepted.cardinality();
            downRefused += d.refused;
            BitSet missingDown = (BitSet) d.accepted.clone();
            missingDown.andNot(stored.received(d.aeId, MessageTally.Direction.DOWN));
            downLost += missingDown.cardinality();
        }
        long handovers = outcome[0];
        return new HandoverBenchReport(o.mode().name().toLowerCase(), devices.size(), o.mnCount(), rounds,
                handovers, outcome[1], outcome[2], upSent, upAcked, upUnacked,
                stored.total(MessageTally.Direction.UP), upLost, stored.duplicates(MessageTally.Direction.UP),
                downSent, downAccepted, downRefused, stored.total(MessageTally.Direction.DOWN), downLost,
                stored.duplicates(MessageTally.Direction.DOWN), interruption.getTotalCount(),
                interruption.getValueAtPercentile(50) / 1000.0, interruption.getValueAtPercentile(99) / 1000.0,
                interruption.getMaxValue() / 1000.0, hold.getValueAtPercentile(99), hold.getMaxValue(),
                handoverTime.getValueAtPercentile(50) / 1000.0, handoverTime.getValueAtPercentile(99) / 1000.0,
                preparation.getValueAtPercentile(50), preparation.getValueAtPercentile(99),
                transfer.getValueAtPercentile(50), transfer.getValueAtPercentile(99),
                handovers + outcome[1] == 0 ? 0 : transferTotal / (handovers + outcome[1]), transferTotal,
                moveAll.stream().mapToDouble(Double::doubleValue).max().orElse(0), moveAll, seconds);
    }

    /**
     * Held downlinks go out after the release on a thread of their own: the count waits for the last ones (bounded),
     * so one still on its way is not counted as lost.
     */
    private static void awaitHeldDownlinks(HandoverSites sites, HandoverBenchOptions o) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sites.downlinks().held() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(2_000_000);
        }
        if (sites.downlinks().held() > 0) {
            o.progress().println("[bench] " + sites.downlinks().held() + " held downlinks not delivered after 30 s");
        }
    }

    private static void pause(Duration d) {
        LockSupport.parkNanos(d.toNanos());
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the devices and the application keep sending. */
    private static final class Run {
        private volatile boolean running = true;

        boolean running() {
            return running;
        }

        void stop() {
            running = false;
        }
    }

    /** One bench device: its SDK client, what it sent and what was acknowledged, and the application's downlinks. */
    private static final class Device {
        final String aeId;
        final String rn;
        final HandoverAwareClient client;
        final BitSet acknowledged = new BitSet();
        final BitSet accepted = new BitSet();
        long uplinksSent;
        long unacknowledged;
        long downlinksSent;
        long refused;
        private long switchesSeen;

        private Device(String aeId, HandoverAwareClient client) {
            this.aeId = aeId;
            this.rn = "ae" + aeId;
            this.client = client;
        }

        static Device register(HandoverSites sites, String aeId, String cseId) {
            CseClient mn = sites.mn(cseId);
            Response ae = mn.send(Request.builder().operation(Operation.CREATE).to(sites.base(cseId)).from(aeId)
                    .requestId("reg-" + aeId).releaseVersion("3").resourceType(ResourceType.AE)
                    .content(ContentCodec.parse("{\"m2m:ae\":{\"rn\":\"ae" + aeId + "\",\"api\":\"Nbench.handover\","
                            + "\"rr\":false,\"srv\":[\"3\"]}}")).build());
            if (ae.statusCode() != ResponseStatusCode.CREATED) {
                throw new IllegalStateException("AE " + aeId + " not registered at " + cseId + ": " + ae.statusCode()
                        + " " + ae.debugMessage());
            }
            if (!sites.registry().compareAndSet(aeId, ServingRegistry.ABSENT, ServingEntry.registered(aeId, cseId))
                    .committed()) {
                throw new IllegalStateException("AE " + aeId + " already has a serving-registry entry");
            }
            HandoverAwareClient client = new HandoverAwareClient(aeId, sites.deviceRegistry(), sites::mn);
            Device d = new Device(aeId, client);
            for (String container : List.of("data", "cmd")) {
                Response r = client.send(Request.builder().operation(Operation.CREATE).to("-/" + d.rn).from(aeId)
                        .requestId("x").releaseVersion("3").resourceType(ResourceType.CONTAINER)
                        .content(ContentCodec.parse("{\"m2m:cnt\":{\"rn\":\"" + container + "\",\"mni\":20}}"))
                        .build());
                if (r.statusCode() != ResponseStatusCode.CREATED) {
                    throw new IllegalStateException("container " + container + " of " + aeId + ": "
                            + r.statusCode() + " " + r.debugMessage());
                }
            }
            client.drainOutcomes();
            return d;
        }

        /** Sends an uplink every period; while requests wait for a switch, retries every millisecond. */
        void uplinks(Run run, HandoverBenchOptions o, ConcurrentHistogram interruption) {
            long period = o.uplinkPeriod().toNanos();
            long next = System.nanoTime();
            while (run.running()) {
                if (client.buffered() > 0) {
                    client.flush();
                    settle(interruption);
                    if (client.buffered() > 0) {
                        LockSupport.parkNanos(1_000_000);
                    }
                    continue;
                }
                long now = System.nanoTime();
                if (now < next) {
                    LockSupport.parkNanos(next - now);
                    continue;
                }
                next = Math.max(next + period, now);
                uplinksSent++;
                try {
                    client.send(uplink(uplinksSent));
                } catch (RuntimeException e) { // not acknowledged; the device goes on
                    unacknowledged++;
                }
                settle(interruption);
            }
        }

        /** After the run: replays what still waits for a switch (bounded), then takes the last answers. */
        void drain(Run run) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (client.flush() > 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(2_000_000);
            }
            settle(null);
        }

        private Request uplink(long n) {
            return Request.builder().operation(Operation.CREATE).to("-/" + rn + "/data").from(aeId).requestId("x")
                    .releaseVersion("3").resourceType(ResourceType.CONTENT_INSTANCE)
                    .content(cin(MessageRecorder.content(aeId, MessageTally.Direction.UP, (int) n))).build();
        }

        private static com.fasterxml.jackson.databind.JsonNode cin(String con) {
            return ContentCodec.parse("{\"m2m:cin\":{\"con\":\"" + con + "\"}}");
        }

        private void settle(ConcurrentHistogram interruption) {
            for (HandoverAwareClient.Outcome outcome : client.drainOutcomes()) {
                int n = (int) (outcome.sequence() - SETUP_REQUESTS);
                if (n < 1) {
                    continue;
                }
                if (outcome.acknowledged()) {
                    acknowledged.set(n);
                } else {
                    unacknowledged++;
                }
            }
            if (interruption != null && client.switches() != switchesSeen) {
                switchesSeen = client.switches();
                client.lastUplinkInterruption().ifPresent(d -> interruption.recordValue(d.toNanos() / 1000));
            }
        }

        /** The application's downlinks to this device, through the router at the IN-CSE's side. */
        void downlinks(Run run, HandoverBenchOptions o, HandoverSites sites) {
            LockSupport.parkNanos((long) (Math.random() * o.downlinkPeriod().toNanos()));
            while (run.running()) {
                int n = (int) ++downlinksSent;
                Response r;
                try {
                    r = sites.downlinks().send(aeId, Request.builder().operation(Operation.CREATE)
                            .to("-/" + rn + "/cmd").from("Cbench-app").requestId("d-" + aeId + "-" + n)
                            .releaseVersion("3").resourceType(ResourceType.CONTENT_INSTANCE)
                            .content(cin(MessageRecorder.content(aeId, MessageTally.Direction.DOWN, n))).build());
                } catch (RuntimeException e) { // e.g. the registry did not answer: refused
                    r = Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, e.toString());
                }
                if (r.isSuccess()) {
                    accepted.set(n);
                } else {
                    refused++;
                }
                LockSupport.parkNanos(o.downlinkPeriod().toNanos());
            }
        }
    }
}
