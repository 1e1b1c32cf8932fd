package org.oneedge.app.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oneedge.mec.platform.MecApi;
import org.oneedge.mec.platform.MecPlatform;
import org.oneedge.mec.platform.MecPlatformConfig;
import org.oneedge.mec.platform.ams.AmsApi;
import org.oneedge.mec.platform.emulator.Emulator;
import org.oneedge.mec.platform.emulator.EmulatorConfig;
import org.oneedge.mec.platform.emulator.Scenario;
import org.oneedge.mec.platform.emulator.ScenarioLoader;
import org.oneedge.mec.platform.lcm.AppInstantiator;
import org.oneedge.mec.platform.lcm.TrackingAppInstantiator;
import org.oneedge.mec.platform.location.LocationApi;
import org.oneedge.mec.platform.metrics.EmulatedRadioLoad;
import org.oneedge.mec.platform.rni.RniApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated ETSI MEC platform as the app runs it: the network and mobility emulator driven by a scenario file
 * (or the built-in default) and the platform serving MEC 010-2, 011, 012 RNIS, 013 Location, 021 AMS, 033 IoT and
 * platform metrics over the emulator. Closing stops the platform, then the emulator.
 */
public final class MecNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MecNode.class);

    /** What each API root is, for the start-up lines. */
    private static final Map<String, String> API_NAMES = Map.ofEntries(
            Map.entry("/app_pkgm/v1", "MEC 010-2 application package management"),
            Map.entry("/app_lcm/v1", "MEC 010-2 application lifecycle"),
            Map.entry("/metrics/v1", "MEC platform metrics"),
            Map.entry("/mec_app_support/v2", "MEC 011 application support"),
            Map.entry("/mec_service_mgmt/v1", "MEC 011 service management"),
            Map.entry("/rni/v2", "MEC 012 radio network information"),
            Map.entry("/location/v3", "MEC 013 location"),
            Map.entry("/amsi/v1", "MEC 021 application mobility"),
            Map.entry("/iots/v1", "MEC 033 IoT"));

    private final Emulator emulator;
    private final MecPlatform platform;
    private final AppInstantiator instantiator;

    private MecNode(Emulator emulator, MecPlatform platform, AppInstantiator instantiator) {
        this.emulator = emulator;
        this.platform = platform;
        this.instantiator = instantiator;
    }

    /** Starts the emulator and the platform on {@code host:port} (0 = any free port). */
    public static MecNode start(String host, int port, Path scenarioFile) {
        return start(host, port, scenarioFile, new TrackingAppInstantiator());
    }

    /**
     * As {@link #start(String, int, Path)}, with what runs the applications MEC 010-2 instantiates (closed with the
     * node when it is AutoCloseable).
     */
    public static MecNode start(String host, int port, Path scenarioFile, AppInstantiator instantiator) {
        return start(host, port, scenarioFile, instantiator, 1.0);
    }

    /**
     * As {@link #start(String, int, Path, AppInstantiator)}, with the emulator running {@code speedFactor} emulated
     * seconds per wall-clock second (1 = real time), so that a session driven by hand sees cells and zones change
     * within seconds.
     */
    public static MecNode start(String host, int port, Path scenarioFile, AppInstantiator instantiator,
                                double speedFactor) {
        Scenario scenario = scenarioFile == null ? ScenarioLoader.defaultScenario() : ScenarioLoader.read(scenarioFile);
        Emulator emulator = Emulator.builder(scenario)
                .config(EmulatorConfig.builder().speedFactor(speedFactor).build())
                .build();
        MecPlatform platform;
        try {
            platform = MecPlatform.builder()
                    .config(MecPlatformConfig.builder().host(host).port(port).hostNames(emulator.hostNames()).build())
                    .api(RniApi.factory(emulator))
                    .api(LocationApi.factory(emulator))
                    .api(AmsApi.factory(emulator))
                    .appInstantiator(instantiator)
                    .build()
                    .start();
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        emulator.addListener(new EmulatedRadioLoad(emulator, platform.context().hostMetrics()));
        emulator.start();
        log.info("MEC platform at {} with scenario {} (hosts {}, speed x{})", platform.baseUrl(),
                scenarioFile == null ? "built-in default" : scenarioFile, emulator.hostNames(), speedFactor);
        return new MecNode(emulator, platform, instantiator);
    }

    /** The platform's base URL, e.g. {@code http://127.0.0.1:8090}. */
    public String baseUrl() {
        return platform.baseUrl();
    }

    /** Emulated time now (runs {@code speedFactor} times faster than the wall clock). */
    public java.time.Instant emulatedNow() {
        return emulator.now();
    }

    /** Names of the emulated MEC hosts, in scenario order; each serves the APIs under {@code /<hostName>}. */
    public List<String> hostNames() {
        return emulator.hostNames();
    }

    /** One line per API root. */
    public List<Listener> listeners() {
        List<Listener> lines = new ArrayList<>();
        for (MecApi api : platform.apis()) {
            String name = API_NAMES.getOrDefault(api.basePath(), "MEC API");
            lines.add(new Listener(name, platform.baseUrl() + api.basePath()));
        }
        return lines;
    }

    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            try {
                if (instantiator instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            } catch (Exception e) {
                log.warn("closing the app instantiator failed: {}", e.toString());
            } finally {
                emulator.close();
            }
        }
    }
}
