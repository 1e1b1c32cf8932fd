package org.oneedge.mec.platform.emulator;

import org.oneedge.mec.platform.MecPlatform;
import org.oneedge.mec.platform.MecPlatformConfig;
import org.oneedge.mec.platform.ams.AmsApi;
import org.oneedge.mec.platform.ams.AppInstanceDirectory;
import org.oneedge.mec.platform.location.LocationApi;
import org.oneedge.mec.platform.rni.RniApi;

import java.time.Duration;

/**
 * Test kit: a MEC platform on a free loopback port serving RNIS, Location and AMS over an emulator that tests step by
 * hand ({@link #advance(Duration)}), on a small two-host scenario ({@link #SCENARIO}).
 */
public final class EmulatedMec implements AutoCloseable {

    /**
     * Two MEC hosts on a 1.4 km road: zone-a (cells a1, a2 — 4G) on mec-host-a, zone-b (b1 4G, b2 5G) on mec-host-b.
     * UE 10.0.0.1 drives from x = -100 to 1300 at 20 m/s and back (a1→a2 after about 15 s, into zone-b / mec-host-b
     * after about 35 s); UE 10.0.0.2 is parked next to cell a1, its bearer upgraded to QCI 2 (guaranteed bit rates)
     * from 5 s to 10 s.
     */
    public static final String SCENARIO = """
            name: test-two-hosts
            radio: { shadowingSigmaDb: 2, hysteresisDb: 3, timeToTrigger: PT0.5S }
            mecHosts:
              - { name: mec-host-a, zones: [zone-a] }
              - { name: mec-host-b, zones: [zone-b] }
            zones: [ { id: zone-a }, { id: zone-b } ]
            accessPoints:
              - { id: cell-a1, type: 4G, position: { x: 0, y: 0 },    cellId: "0A0000A", zone: zone-a }
              - { id: cell-a2, type: 4G, position: { x: 400, y: 0 },  cellId: "0A0000B", zone: zone-a }
              - { id: cell-b1, type: 4G, position: { x: 800, y: 0 },  cellId: "0B0000A", zone: zone-b }
              - { id: cell-b2, type: 5G, position: { x: 1200, y: 0 }, cellId: "00B0000B1", zone: zone-b }
            ues:
              - { id: "acr:10.0.0.1", speed: 20, mode: REVERSE, path: [ { x: -100, y: 5 }, { x: 1300, y: 5 } ] }
              - id: "acr:10.0.0.2"
                path: [ { x: 10, y: 10 } ]
                qos:
                  - { at: PT5S, qci: 2, gbrDl: 2000, gbrUl: 500, mbrDl: 4000, mbrUl: 1000 }
                  - { at: PT10S, qci: 9 }
            """;

    public final Emulator emulator;
    public final AppInstanceDirectory directory = new AppInstanceDirectory();
    public final MecPlatform platform;

    private EmulatedMec(Scenario scenario) {
        emulator = Emulator.builder(scenario).config(EmulatorConfig.builder().seed(7).build()).build();
        platform = MecPlatform.builder()
                .config(MecPlatformConfig.builder().hostNames(emulator.hostNames())
                        .notificationInitialBackoff(Duration.ofMillis(20)).build())
                .api(RniApi.factory(emulator))
                .api(LocationApi.factory(emulator))
                .api(AmsApi.factory(emulator, directory))
                .build().start();
    }

    public static EmulatedMec start() {
        return new EmulatedMec(ScenarioLoader.parse(SCENARIO));
    }

    /** Steps the emulated network by {@code d} (synchronously). */
    public EmulatedMec advance(Duration d) {
        emulator.advance(d);
        return this;
    }

    /** Absolute URL of a platform path, e.g. {@code url("/rni/v2/queries/rab_info")}. */
    public String url(String path) {
        return platform.baseUrl() + path;
    }

    @Override
    public void close() {
        platform.close();
        emulator.close();
    }
}
