package org.oneedge.app;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code oneedge cse --config node.yaml}: one CSE node (IN or MN) as its file, environment and flags describe it. */
@Command(name = "cse", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Start one CSE node from a YAML file (--config), environment variables and flags (precedence: flag > environment > file > default). The MEC platform starts only with --mec.")
final class CseCommand implements Callable<Integer> {

    @Mixin
    NodeOptions options = new NodeOptions();

    private final AppContext context;

    CseCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return new NodeRunner(context, options.load(context.env(), Map.of())).call();
    }
}
