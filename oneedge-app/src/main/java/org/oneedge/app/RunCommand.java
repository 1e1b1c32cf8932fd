package org.oneedge.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oneedge.app.config.ConfigKey;
import org.oneedge.app.node.EdgeDeployment;
import org.oneedge.app.topology.TopologyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oneedge run}: the embedded default, one IN-CSE plus the MEC platform, no configuration needed. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Start the embedded default: IN-CSE /id-in (CSEBase cse-in) on HTTP 127.0.0.1:8080 with an H2 store under ./data, admin originator CAdmin, the MEC platform on 8090, MN-CSEs /id-mn1 and /id-mn2 on 8081 and 8082 registered to the IN-CSE (data in ./data/id-mnN), and an embedded MQTT broker on 1883 (none when mqtt.broker-url is set) that every node also serves on, with the MQTT-JSON device IPE writing devices that publish on oneedge/dev/{deviceId}/telemetry into the IN-CSE. Each UE of the MEC emulator is an AE served by the MN-CSE of its MEC host (host k by MN-CSE k) and moves with it: every handover (MEC 021 AMS trigger) is logged in one line. Every setting can be changed by flag, ONEEDGE_* environment variable or --config file. Ctrl-C stops it cleanly.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    NodeOptions options = new NodeOptions();

    @Option(names = "--mns", paramLabel = "N", defaultValue = "2",
            description = "MN-CSEs to start next to the IN-CSE, registered to it: /id-mn1 (cse-mn1) on port+1, ... (default 2; 0 = IN-CSE only).")
    int mnCount = 2;

    @Option(names = "--topology", paramLabel = "FILE",
            description = "Run the nodes and links of a topology file (see config/topology-default.yaml) instead of the default IN + MN-CSEs.")
    Path topology;

    @Option(names = "--processes",
            description = "With --topology: start each node as its own child process (same jar) and supervise them.")
    boolean processes;

    @Option(names = "--deployment", paramLabel = "A|B|C|D",
            description = "Run a oneM2M/MEC deployment option instead. In each, the MEC IPE (a MEC application, MEC 011/033) mirrors RNIS, Location and host metrics into a CSE: A = IN-CSE /id-in in the cloud, the MEC platform on an edge node, devices (MQTT-JSON) reach the IN-CSE; B = MN-CSE /id-mn1 on one edge node registered to the IN-CSE, the MEC platform on another edge node, devices reach the MN-CSE; C = MN-CSE /id-mn1 (cse-mn1) and the MEC platform side by side, the CSE itself the MEC application; D = C plus the CSE published as MEC service oneM2M-CSE-id-mn1.")
    String deployment;

    @Option(names = "--devices", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the MQTT-JSON device IPE next to the IN-CSE: devices publish JSON on oneedge/dev/{deviceId}/telemetry and appear as AEs; commands go to oneedge/dev/{deviceId}/cmd (default on; --no-devices turns it off).")
    boolean devices = true;

    @Option(names = "--mca-proxy", paramLabel = "PORT", arity = "0..1",
            fallbackValue = "" + McaProxyLaunch.DEFAULT_PORT,
            description = "Also start an Mca proxy (port " + McaProxyLaunch.DEFAULT_PORT + " without a value, 0 = a free one) that relays devices' TS-0009 requests to MN-CSE /id-mn1 (the IN-CSE with --mns 0), registered with the MEC platform and published there as MEC service oneM2M-McaProxy-<csi>.")
    Integer mcaProxyPort;

    @Option(names = "--mca-proxy-token", paramLabel = "TOKEN",
            description = "A token devices must present to the Mca proxy as Proxy-Authorization: Bearer TOKEN (repeatable; none = no check).")
    java.util.List<String> mcaProxyTokens = new java.util.ArrayList<>();

    @Option(names = "--network-location",
            description = "Also run the location server of network-based locationPolicy resources (los=1) on /id-mn1 (the IN-CSE with --mns 0): positions of the UE named by lot come from the MEC platform's MEC 013 Location API every lou into the policy's location container.")
    boolean networkLocation;

    private final AppContext context;

    RunCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if ((mcaProxyPort != null || networkLocation) && (deployment != null || topology != null)) {
            context.err().println("--mca-proxy and --network-location run with the default IN + MN-CSEs only, not with --deployment or --topology");
            return 2;
        }
        if (deployment != null) {
            return runDeployment();
        }
        if (topology != null) {
            return new TopologyRunner(context, TopologyFile.load(topology), processes).call();
        }
        if (processes) {
            context.err().println("--processes needs --topology FILE");
            return 2;
        }
        java.util.List<TopologyAddOn> addOns = new java.util.ArrayList<>();
        if (devices) {
            addOns.add(new DeviceGatewayLaunch());
        }
        if (mcaProxyPort != null) {
            addOns.add(new McaProxyLaunch(mcaProxyPort, mcaProxyTokens));
        }
        if (networkLocation) {
            addOns.add(new NetworkLocationLaunch());
        }
        return new NodeRunner(context, options.load(context.env(), Map.of(ConfigKey.MEC_ENABLED, "true",
                ConfigKey.MQTT_ENABLED, "true")), mnCount, addOns).call();
    }

    private Integer runDeployment() throws Exception {
        EdgeDeployment.Option option;
        try {
            option = EdgeDeployment.Option.parse(deployment);
        } catch (IllegalArgumentException e) {
            context.err().println(e.getMessage());
            return 2;
        }
        if (topology != null || processes) {
            context.err().println("--deployment cannot be combined with --topology or --processes");
            return 2;
        }
        Map<ConfigKey, String> defaults = option.separateNodes()
                ? Map.of(ConfigKey.MEC_ENABLED, "true", ConfigKey.MQTT_ENABLED, "true")
                : Map.of(ConfigKey.MEC_ENABLED, "true", ConfigKey.CSE_ID, "/id-mn1", ConfigKey.CSE_BASE_NAME,
                        "cse-mn1", ConfigKey.CSE_TYPE, "MN");
        return new DeploymentRunner(context, options.load(context.env(), defaults), option).call();
    }
}
