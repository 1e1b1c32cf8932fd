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
        description = "Start the embedded default: IN-CSE /id-in (CSEBase cse-in) on HTTP 127.0.0.1:8080 with an H2 store under ./data, admin originator CAdmin, the MEC platform on 8090, MN-CSEs /id-mn1 and /id-mn2 on 8081 and 8082 registered to the IN-CSE (data in ./data/id-mnN), and an embedded MQTT broker on 1883 (none when mqtt.broker-url is set) that every node also serves on. Each UE of the MEC emulator is an AE served by the MN-CSE of its MEC host (host k by MN-CSE k) and moves with it: every handover (MEC 021 AMS trigger) is logged in one line. Every setting can be changed by flag, ONEEDGE_* environment variable or --config file. Ctrl-C stops it cleanly.")
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
            description = "Run a oneM2M/MEC deployment option on one edge node instead: C = MN-CSE /id-mn1 (cse-mn1) and the MEC platform side by side, the CSE registered as MEC application (MEC 011, MEC 033) and the MEC IPE mirroring RNIS, Location and host metrics into it; D = C plus the CSE published as MEC service oneM2M-CSE-id-mn1. A and B are not available yet.")
    String deployment;

    private final AppContext context;

    RunCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
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
        return new NodeRunner(context, options.load(context.env(), Map.of(ConfigKey.MEC_ENABLED, "true",
                ConfigKey.MQTT_ENABLED, "true")), mnCount).call();
    }

    private Integer runDeployment() throws Exception {
        EdgeDeployment.Option option;
        try {
            option = EdgeDeployment.Option.parse(deployment);
        } catch (IllegalArgumentException e) {
            context.err().println(e.getMessage());
            return 2;
        }
        if (!option.available()) {
            context.err().println("Deployment option " + option + " (" + option.description()
                    + ") is not yet available; use --deployment C or D.");
            return 2;
        }
        if (topology != null || processes) {
            context.err().println("--deployment cannot be combined with --topology or --processes");
            return 2;
        }
        return new DeploymentRunner(context, options.load(context.env(), Map.of(ConfigKey.MEC_ENABLED, "true",
                ConfigKey.CSE_ID, "/id-mn1", ConfigKey.CSE_BASE_NAME, "cse-mn1", ConfigKey.CSE_TYPE, "MN")),
                option).call();
    }
}
