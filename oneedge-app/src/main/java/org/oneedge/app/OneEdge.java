package org.oneedge.app;

import org.oneedge.app.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code oneedge} command line: the only place that reads flags, environment variables and configuration files,
 * and the main class of the fat jar the launcher runs.
 *
 * <pre>
 *   oneedge run                 the embedded default: IN-CSE /id-in on :8080 (+ MEC platform on :8090)
 *   oneedge cse --config F      one node from a YAML file
 *   oneedge mec                 the MEC platform alone
 *   oneedge bench cse|mec|handover  benchmarks
 * </pre>
 */
@Command(name = "oneedge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "oneM2M on ETSI MEC edge platforms.",
        footer = {"", "Run 'oneedge COMMAND --help' for a command's options."})
public final class OneEdge implements Runnable {

    @Spec
    CommandSpec spec;

    /** Starts the CLI on the real process (environment, stdout/stderr, signals) and exits with its status. */
    public static void main(String[] args) {
        int status = commandLine(AppContext.system()).execute(args);
        System.exit(status);
    }

    /** The whole command tree bound to a context; tests call this with their own environment and streams. */
    public static CommandLine commandLine(AppContext context) {
        CommandLine cli = new CommandLine(new OneEdge());
        cli.addSubcommand(new RunCommand(context));
        cli.addSubcommand(new CseCommand(context));
        cli.addSubcommand(new MecCommand(context));
        cli.addSubcommand(new CommandLine(new BenchCommand())
                .addSubcommand(new BenchCseCommand(context))
                .addSubcommand(new BenchMecCommand(context))
                .addSubcommand(new BenchHandoverCommand(context)));
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setParameterExceptionHandler((ex, args) -> {
            // message, "did you mean" suggestions, and always the usage of the command concerned
            CommandLine line = ex.getCommandLine();
            line.getErr().println(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, line.getErr());
            line.usage(line.getErr());
            return line.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof ConfigException) {
                line.getErr().println("oneedge: configuration error: " + ex.getMessage());
                return 2;
            }
            line.getErr().println("oneedge " + line.getCommandName() + ": " + (ex.getMessage() == null
                    ? ex.getClass().getSimpleName() : ex.getMessage()));
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        // "oneedge" alone: show what there is to run.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Groups the benchmark drivers. */
    @Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Benchmarks: 'bench cse' (CSE over HTTP), 'bench mec' (MEC platform APIs), 'bench handover'"
                    + " (devices moving between MN-CSEs).")
    static final class BenchCommand implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "say which benchmark: bench cse, bench mec or bench handover");
        }
    }
}
