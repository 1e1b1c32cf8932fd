package org.oneedge.app;

import java.util.Map;
import java.util.concurrent.Callable;
import org.oneedge.app.config.ConfigKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code oneedge run}: the embedded default, one IN-CSE plus the MEC platform, no configuration needed. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Start the embedded default: IN-CSE /id-in (CSEBase cse-in) on HTTP 127.0.0.1:8080 with an H2 store under ./data, admin originator CAdmin, and the MEC platform on 8090. Every setting can be changed by flag, ONEEDGE_* environment variable or --config file. Ctrl-C stops it cleanly.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    NodeOptions options = new NodeOptions();

    private final AppContext context;

    RunCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return new NodeRunner(context, options.load(context.env(), Map.of(ConfigKey.MEC_ENABLED, "true"))).call();
    }
}
