package org.oneedge.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code oneedge bench mec}: hands its arguments to the MEC platform benchmark driver. */
@Command(name = "mec", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Benchmark the MEC platform APIs (driver options follow; run with --help for them).")
final class BenchMecCommand implements Callable<Integer> {

    @Unmatched
    java.util.List<String> driverArgs = new java.util.ArrayList<>();

    private final AppContext context;

    BenchMecCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        throw new IllegalStateException("the MEC benchmark is not part of this build yet");
    }
}
