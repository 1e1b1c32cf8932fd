package org.oneedge.interworking;

import org.oneedge.mec.platform.MecPlatform;
import org.oneedge.mec.platform.MecPlatformConfig;
import org.oneedge.mec.platform.ams.AmsApi;
import org.oneedge.mec.platform.ams.AppInstanceDirectory;
import org.oneedge.mec.platform.emulator.Emulator;
import org.oneedge.mec.platform.emulator.EmulatorConfig;
import org.oneedge.mec.platform.emulator.ScenarioLoader;
import org.oneedge.mec.platform.location.LocationApi;
import org.oneedge.mec.platform.rni.RniApi;

import java.time.Duration;

/**
 * Test kit: an emulated MEC platform (RNIS, Location, AMS, metrics, MEC 011, MEC 033) on a free loopback port over a
 * small two-host scenario that tests step by hand ({@link #advance(Duration)}: minutes of emulated time in
 * milliseconds).
 */
public final class MecTestbed implements AutoCloseable {

    /**
     * Two MEC hosts on a 1.4 km road: zone-a (cells a1, a2) on mec-host-a, zone-b (b1, b2; all 4G) on mec-host-b.
     * UE 10.0.0.1 drives from x = -100 to 1300 at 20 m/s (into cell a2 after about 15 s, into zone-b after about
     * 35 s); UE 10.0.0.2 is parked next to cell a1.
     */
    public static final String SCENARIO = """
            name: interworking-two-hosts
            radio: { shadowingSigmaDb: 2, hysteresisDb: 3, timeToTrigger: PT0.5S }
            mecHosts:
              - { name: mec-host-a, zones: [zone-a] }
              - { name: mec-host-b, zones: [zone-b] }
            zones: [ { id: zone-a }, { id: zone-b } ]
            accessPoints:
              - { id: cell-a1, type: 4G, position: { x: 0, y: 0 },    cellId: "0A0000A", zone: zone-a }
              - { id: cell-a2, type: 4G, position: { x: 400, y: 0 },  cellId: "0A0000B", zone: zone-a }
              - { id: cell-b1, type: 4G, position: { x: 800, y: 0 },  cellId: "0B0000A", zone: zone-b }
              - { id: cell-b2, type: 4G, position: { x: 1200, y: 0 }, cellId: "0B0000B", zone: zone-b }
            ues:
              - { id: "acr:10.0.0.1", speed: 20, mode: REVERSE, path: [ { x: -100, y: 5 }, { x: 1300, y: 5 } ] }
              - { id: "acr:10.0.0.2", path: [ { x: 10, y: 10 } ] }
            """;

    public final Emulator emulator;
    public final MecPlatform platform;

    private MecTestbed() {
        emulator = Emulator.builder(ScenarioLoader.parse(SCENARIO))
                .config(EmulatorConfig.builder().seed(7).build()).build();
        platform = MecPlatform.builder()
                .config(MecPlatformConfig.builder().hostNames(emulator.hostNames())
                        .notificationInitialBackoff(Duration.ofMillis(20))
                        .appTerminationGracePeriod(Duration.ofSeconds(5)).build())
                .api(RniApi.factory(emulator))
                .api(LocationApi.factory(emulator))
                .api(AmsApi.factory(emulator, new AppInstanceDirectory()))
                .build().start();
    }

    public static MecTestbed start() {
        return new MecTestbed();
    }

    /** The platform as seen from one MEC host, e.g. {@code http://127.0.0.1:41234/mec-host-a}. */
    public String hostUrl(String hostName) {
        return platform.baseUrl() + "/" + hostName;
    }

    /** Steps the emulated network by {@code d} (synchronously). */
    public MecTestbed advance(Duration d) {
        emulator.advance(d);
        return this;
    }

    @Override
    public void close() {
        platform.close();
        emulator.close();
    }
}
