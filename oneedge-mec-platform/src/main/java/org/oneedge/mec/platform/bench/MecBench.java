package org.oneedge.mec.platform.bench;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.oneedge.mec.api.location.LocationClient;
import org.oneedge.mec.api.location.ZoneLocationEventSubscription;
import org.oneedge.mec.api.rni.CellChangeSubscription;
import org.oneedge.mec.api.rni.FilterCriteriaAssocHo;
import org.oneedge.mec.api.rni.FilterCriteriaAssocTri;
import org.oneedge.mec.api.rni.MeasRepUeSubscription;
import org.oneedge.mec.api.rni.RniClient;
import org.oneedge.mec.platform.MecPlatform;
import org.oneedge.mec.platform.MecPlatformConfig;
import org.oneedge.mec.platform.ams.AmsApi;
import org.oneedge.mec.platform.emulator.Emulator;
import org.oneedge.mec.platform.emulator.EmulatorConfig;
import org.oneedge.mec.platform.emulator.EmulatorEvent;
import org.oneedge.mec.platform.emulator.Scenario;
import org.oneedge.mec.platform.emulator.ScenarioLoader;
import org.oneedge.mec.platform.emulator.ScenarioPosition;
import org.oneedge.mec.platform.location.LocationApi;
import org.oneedge.mec.platform.rni.RniApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * End-to-end benchmark of the emulated MEC platform ({@code ./oneedge bench mec}): N UEs drive the default scenario's
 * road at {@code updateRateHz} position updates each, in real time, while RNIS (cell change, measurement report) and
 * Location (zone event) subscriptions notify a local HTTP receiver. Measures the position-update rate the emulator
 * achieves, notifications delivered per second and notifications dropped.
 *
 * <pre>
 *   Emulator (real time, tick = 1/updateRateHz) ─events─▶ RNIS, Location ─NotificationSender─POST─▶ local receiver
 *                                                                                              (Jetty, answers 204)
 *        └─ counted: PositionUpdate, CellChange, ZoneEnter, HostChange, MeasurementReport      └─ counted: 204s
 * </pre>
 */
public final class MecBench {

    private static final Logger LOG = LoggerFactory.getLogger(MecBench.class);

    /** Runs one benchmark and returns what it measured. */
    public MecBenchResult run(MecBenchOptions options) {
        Scenario scenario = withUes(ScenarioLoader.defaultScenario(), options.ues(), options.seed());
        Duration tick = Duration.ofNanos((long) (1e9 / options.updateRateHz()));
        Counters counters = new Counters();
        LongAdder received = new LongAdder();
        Server receiver = receiver(received);
        String callbackBase = "http://127.0.0.1:" + ((ServerConnector) receiver.getConnectors()[0]).getLocalPort()
                + "/cb/";
        try (Emulator emulator = Emulator.builder(scenario).config(EmulatorConfig.builder().tick(tick)
                .seed(options.seed()).measurementInterval(Duration.ofSeconds(1)).build()).build();
             MecPlatform platform = MecPlatform.builder()
                     .config(MecPlatformConfig.builder().hostNames(emulator.hostNames())
                             .notificationQueueCapacity(options.queueCapacity()).notificationMaxAttempts(1)
                             .build())
                     .api(RniApi.factory(emulator)).api(LocationApi.factory(emulator)).api(AmsApi.factory(emulator))
                     .build().start()) {
            emulator.addListener(counters::count);
            subscribe(platform.baseUrl(), emulator, callbackBase, options);
            LOG.info("MEC bench: {} UEs at {} Hz, warm-up {}, measuring {}", options.ues(), options.updateRateHz(),
                    options.warmup(), options.duration());
            emulator.start();
            sleep(options.warmup());
            Snapshot start = new Snapshot(System.nanoTime(), processCpuNanos(), emulator.elapsed(), counters.copy(),
                    received.sum(), platform.context().notifications().droppedCount(),
                    platform.context().notifications().coalescedCount());
            sleep(options.duration());
            Snapshot end = new Snapshot(System.nanoTime(), processCpuNanos(), emulator.elapsed(), counters.copy(),
                    received.sum(), platform.context().notifications().droppedCount(),
                    platform.context().notifications().coalescedCount());
            emulator.stop();
            double seconds = (end.nanos() - start.nanos()) / 1e9;
            long[] d = new long[5];
            for (int i = 0; i < d.length; i++) {
                d[i] = end.counts()[i] - start.counts()[i];
            }
            long delivered = end.received() - start.received();
            return new MecBenchResult(options.ues(), options.updateRateHz(), seconds,
                    options.ues() * options.updateRateHz(), d[0] / seconds,
                    (end.emulated().toNanos() - start.emulated().toNanos()) / 1e9 / seconds, d[1], d[2], d[3], d[4],
                    delivered, delivered / seconds, end.dropped() - start.dropped(),
                    end.coalesced() - start.coalesced(), platform.context().notifications().pendingCount(),
                    Runtime.getRuntime().availableProcessors(), (end.cpuNanos() - start.cpuNanos()) / 1e9 / seconds);
        } finally {
            try {
                receiver.stop();
            } catch (Exception e) {
                LOG.warn("bench receiver did not stop: {}", e.toString());
            }
        }
    }

    private record Snapshot(long nanos, long cpuNanos, Duration emulated, long[] counts, long received,
                            long dropped, long coalesced) {
    }

    /** CPU time of this process so far, or 0 where the JVM does not report it. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /** Event counters updated on the emulator thread: position, cell, zone, host, measurement. */
    private static final class Counters {
        private final LongAdder[] adders = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(),
                new LongAdder()};

        void count(EmulatorEvent e) {
            switch (e) {
                case EmulatorEvent.PositionUpdate p -> adders[0].increment();
                case EmulatorEvent.CellChange c -> adders[1].increment();
                case EmulatorEvent.ZoneEnter z -> adders[2].increment();
                case EmulatorEvent.HostChange h -> adders[3].increment();
                case EmulatorEvent.MeasurementReport m -> adders[4].increment();
                case EmulatorEvent.ZoneExit z -> {
                }
                case EmulatorEvent.BearerQosChange b -> {
                }
                case EmulatorEvent.SecondaryCellChange s -> {
                }
            }
        }

        long[] copy() {
            long[] out = new long[adders.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = adders[i].sum();
            }
            return out;
        }
    }

    /** The default scenario's geometry with {@code n} UEs spread over the road, going back and forth at 5-35 m/s. */
    static Scenario withUes(Scenario base, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double length = 3000;
        List<Scenario.Ue> ues = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double y = random.nextDouble(-20, 20);
            double x0 = random.nextDouble(0, length);
            boolean east = random.nextBoolean();
            List<ScenarioPosition> path = east
                    ? List.of(ScenarioPosition.metres(x0, y), ScenarioPosition.metres(length, y),
                    ScenarioPosition.metres(0, y))
                    : List.of(ScenarioPosition.metres(x0, y), ScenarioPosition.metres(0, y),
                    ScenarioPosition.metres(length, y));
            String id = "acr:10." + ((i >> 16) & 0xFF) + "." + ((i >> 8) & 0xFF) + "." + (i & 0xFF);
            ues.add(new Scenario.Ue(id, path, random.nextDouble(5, 35), Duration.ZERO, Scenario.PathMode.LOOP));
        }
        return base.withUes(ues);
    }

    private static void subscribe(String baseUrl, Emulator emulator, String callbackBase, MecBenchOptions options) {
        RniClient rni = RniClient.of(baseUrl + RniApi.BASE_PATH);
        LocationClient location = LocationClient.of(baseUrl + LocationApi.BASE_PATH);
        int endpoint = 0;
        int endpoints = options.callbackEndpoints();
        rni.subscribe(CellChangeSubscription.of(callbackBase + (endpoint++ % endpoints),
                new FilterCriteriaAssocHo(null, null, null, null), null));
        for (String zone : emulator.zoneIds()) {
            location.subscribeZone(ZoneLocationEventSubscription.of(zone, callbackBase + (endpoint++ % endpoints),
                    null, null, null));
        }
        if (options.measurementReports()) {
            // one subscription per cell spreads the reports over several callback queues
            for (var cell : emulator.accessPoints()) {
                if (cell.type() == org.oneedge.mec.platform.emulator.AccessPointType.LTE_4G) {
                    rni.subscribe(MeasRepUeSubscription.of(callbackBase + (endpoint++ % endpoints),
                            new FilterCriteriaAssocTri(null, null,
                                    List.of(new org.oneedge.mec.api.rni.Ecgi(new org.oneedge.mec.api.rni.Plmn(
                                            emulator.scenario().plmn().mcc(), emulator.scenario().plmn().mnc()),
                                            cell.cellId())), null), null));
                }
            }
        }
    }

    /**
     * The subscriber: a Jetty server on a free loopback port answering 204 to every POST. (The JDK's
     * {@code com.sun.net.httpserver}, used before, reads every request head on one dispatcher thread and capped the
     * benchmark at its own speed, not the platform's.)
     */
    private static Server receiver(LongAdder received) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("bench-receiver");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Content.Source.consumeAll(request, Callback.from(() -> {
                    received.increment();
                    response.setStatus(204);
                    callback.succeeded();
                }, callback::failed));
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("bench receiver did not start", e);
        }
        return server;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        }
    }
}
