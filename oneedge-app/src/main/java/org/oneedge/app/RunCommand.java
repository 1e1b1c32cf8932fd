package org.oneedge.app;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oneedge.app.config.ConfigKey;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.topology.AddOnSpec;
import org.oneedge.app.topology.TopologyFile;
import org.oneedge.app.topology.TopologyOverrides;
import org.oneedge.app.topology.TopologySpec;
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
            description = "Run what a topology file describes instead of the default IN + MN-CSEs: CSE nodes and links, MEC platforms of their own, add-ons (MEC application, MEC IPE, MQTT-JSON devices, Mca proxy, network location); see config/topology-default.yaml and topologies/deployment-*.yaml. --port 0, --store, --data-dir (each node in DIR/<node name>) and --log-level apply to every node.")
    Path topology;

    @Option(names = "--processes",
            description = "With --topology or --deployment: start each CSE node as its own child process (same jar) and supervise them; MEC platforms of their own and add-ons run in this process and reach the nodes over HTTP.")
    boolean processes;

    @Option(names = "--deployment", paramLabel = "A|B|C|D",
            description = "Run a oneM2M/MEC deployment option, the topology file topologies/deployment-x.yaml (shipped in the jar; --topology topologies/deployment-x.yaml runs the same). In each, a MEC application (MEC 011/033) hosts the MEC IPE, which mirrors RNIS, Location and host metrics into a CSE, and devices publishing JSON over MQTT reach an application at the IN-CSE /id-in: A = IN-CSE in the cloud, the MEC platform on an edge node of its own, devices reach the IN-CSE; B = MN-CSE /id-mn1 on one edge node registered to the IN-CSE, the MEC platform on another edge node, devices reach the MN-CSE; C = MN-CSE /id-mn1 and the MEC platform on the same edge node, the CSE itself the MEC application; D = C plus the CSE published as MEC service oneM2M-CSE-id-mn1. Flags as with --topology.")
    String deployment;

    @Option(names = "--devices", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the MQTT-JSON device IPE next to the IN-CSE: devices publish JSON on oneedge/dev/{deviceId}/telemetry and appear as AEs; commands go to oneedge/dev/{deviceId}/cmd (default on; --no-devices turns it off).")
    boolean devices = true;

    @Option(names = "--mca-proxy", paramLabel = "PORT", arity = "0..1",
            fallbackValue = "" + FileAddOnLaunch.DEFAULT_PORT,
            description = "Also start an Mca proxy (port " + FileAddOnLaunch.DEFAULT_PORT + " without a value, 0 = a free one) that relays devices' TS-0009 requests to MN-CSE /id-mn1 (the IN-CSE with --mns 0), registered with the MEC platform and published there as MEC service oneM2M-McaProxy-<csi>.")
    Integer mcaProxyPort;

    @Option(names = "--mca-proxy-token", paramLabel = "TOKEN",
            description = "A token devices must present to the Mca proxy as Proxy-Authorization: Bearer TOKEN (repeatable; none = no check).")
    java.util.List<String> mcaProxyTokens = new java.util.ArrayList<>();

    @Option(names = "--network-location",
            description = "Also run the location server of network-based locationPolicy resources (los=1) on /id-mn1 (the IN-CSE with --mns 0): positions of the UE named by lot come from the MEC platform's MEC 013 Location API every lou into the policy's location container.")
    boolean networkLocation;

    @Option(names = "--federation", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the federation at the IN-CSE (registry cse-in/federation, heartbeats every 10 s, health monitor, role rules HANDOVER_ANCHOR / SWARM_WORKER / FL_PARTICIPANT, ranking requests oe:fedRankReq) with every CSE node and the MEC platform and hosts as members (default on; --no-federation turns it off).")
    boolean federation = true;

    private final AppContext context;

    RunCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if ((mcaProxyPort != null || networkLocation) && (deployment != null || topology != null)) {
            context.err().println("--mca-proxy and --network-location run with the default IN + MN-CSEs only; in a"
                    + " topology file they are add-ons (type mca-proxy, network-location)");
            return 2;
        }
        if (deployment != null || topology != null) {
            return runTopologyFile();
        }
        if (processes) {
            context.err().println("--processes needs --topology FILE or --deployment A|B|C|D");
            return 2;
        }
        NodeConfig config = options.load(context.env(), Map.of(ConfigKey.MEC_ENABLED, "true",
                ConfigKey.MQTT_ENABLED, "true"));
        String edge = mnCount > 0 ? "mn1" : "in";   // the first MN-CSE, else the IN-CSE
        java.util.List<TopologyAddOn> addOns = new java.util.ArrayList<>();
        if (devices && config.mqttEnabled()) {
            addOns.add(new FileAddOnLaunch(new AddOnSpec.MqttDevices("in", java.util.List.of(config.cseId() + "/C*"))));
        }
        if (mcaProxyPort != null) {
            addOns.add(new FileAddOnLaunch(new AddOnSpec.McaProxy(edge, config.mecEnabled() ? "in" : null,
                    mcaProxyPort, mcaProxyTokens)));
        }
        if (networkLocation) {
            addOns.add(new FileAddOnLaunch(new AddOnSpec.NetworkLocation(edge, "in")));
        }
        if (federation) {
            java.util.List<String> members = new java.util.ArrayList<>(java.util.List.of("in"));
            for (int i = 1; i <= mnCount; i++) {
                members.add("mn" + i);
            }
            addOns.add(new FileAddOnLaunch(new AddOnSpec.Federation("in", members,
                    config.mecEnabled() ? "in" : null, null)));
        }
        return new NodeRunner(context, config, mnCount, addOns).call();
    }

    /** {@code --topology FILE} or {@code --deployment X}: the file, with the flags that apply to every node. */
    private Integer runTopologyFile() throws Exception {
        if (deployment != null && topology != null) {
            context.err().println("--deployment runs the file topologies/deployment-x.yaml; give either it or --topology");
            return 2;
        }
        Map<ConfigKey, String> flags = options.flags();
        Set<ConfigKey> perNode = EnumSet.complementOf(EnumSet.of(ConfigKey.HTTP_PORT, ConfigKey.MEC_PORT,
                ConfigKey.STORE, ConfigKey.DATA_DIR, ConfigKey.LOG_LEVEL));
        perNode.retainAll(flags.keySet());
        if (options.config != null || !perNode.isEmpty()) {
            context.err().println("with --topology or --deployment each node is configured in the file; of the node"
                    + " flags only --port 0, --mec-port 0, --store, --data-dir and --log-level apply (to every node), got "
                    + (options.config != null ? "--config " : "") + perNode.stream().map(ConfigKey::flag).toList());
            return 2;
        }
        boolean freePorts = flags.containsKey(ConfigKey.HTTP_PORT) || flags.containsKey(ConfigKey.MEC_PORT);
        if (java.util.stream.Stream.of(ConfigKey.HTTP_PORT, ConfigKey.MEC_PORT).map(flags::get)
                .anyMatch(v -> v != null && !v.equals("0"))) {
            context.err().println("with --topology or --deployment, --port and --mec-port take only 0 (free ports for"
                    + " every node); ports are set in the file");
            return 2;
        }
        String dataDir = flags.get(ConfigKey.DATA_DIR);
        TopologyOverrides overrides = new TopologyOverrides(freePorts, flags.get(ConfigKey.STORE),
                dataDir == null ? null : Path.of(dataDir), flags.get(ConfigKey.LOG_LEVEL));
        TopologySpec spec = deployment != null ? TopologyFile.deployment(deployment, overrides)
                : TopologyFile.load(topology, overrides);
        return new TopologyRunner(context, spec, processes).call();
    }
}
