package org.oneedge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oneedge.app.config.ConfigException;
import org.oneedge.app.config.NodeConfig;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class OneEdgeCliTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli(Map<String, String> env) {
        return OneEdge.commandLine(new AppContext(env, new PrintWriter(out, true), new PrintWriter(err, true),
                ShutdownSignal::new));
    }

    private int run(String... args) {
        return cli(Map.of()).execute(args);
    }

    /** Every command path, e.g. [], [run], [bench, cse]. */
    private static List<List<String>> commandPaths(CommandLine line, List<String> prefix) {
        List<List<String>> paths = new ArrayList<>();
        paths.add(prefix);
        line.getSubcommands().forEach((name, sub) -> {
            List<String> p = new ArrayList<>(prefix);
            p.add(name);
            paths.addAll(commandPaths(sub, p));
        });
        return paths;
    }

    private static CommandLine commandAt(CommandLine root, List<String> path) {
        CommandLine c = root;
        for (String name : path) {
            c = c.getSubcommands().get(name);
        }
        return c;
    }

    @Test
    void every_command_has_help_naming_all_its_options() {
        CommandLine root = cli(Map.of());
        List<List<String>> paths = commandPaths(root, List.of());
        assertThat(paths).contains(List.of("run"), List.of("cse"), List.of("mec"), List.of("bench", "cse"),
                List.of("bench", "mec"));
        for (List<String> path : paths) {
            for (String helpFlag : List.of("--help", "-h")) {
                out.getBuffer().setLength(0);
                List<String> args = new ArrayList<>(path);
                args.add(helpFlag);
                assertThat(run(args.toArray(String[]::new))).as("exit of %s", args).isZero();
                String help = out.toString();
                assertThat(help).as("help of %s", path).contains("Usage:");
                for (OptionSpec option : commandAt(root, path).getCommandSpec().options()) {
                    // negatable options show as --[no-]name
                    String shown = option.negatable() ? option.longestName().replaceFirst("^--", "--[no-]")
                            : option.longestName();
                    assertThat(help).as("help of %s names %s", path, shown).contains(shown);
                }
            }
        }
    }

    @Test
    void every_command_answers_version() {
        for (List<String> path : commandPaths(cli(Map.of()), List.of())) {
            out.getBuffer().setLength(0);
            List<String> args = new ArrayList<>(path);
            args.add("--version");
            assertThat(run(args.toArray(String[]::new))).as("exit of %s", args).isZero();
            assertThat(out.toString()).as("version of %s", path).startsWith("OneEdge ");
        }
    }

    @Test
    void unknown_option_exits_non_zero_with_message_and_usage() {
        assertThat(run("run", "--prot", "9000")).isNotZero();
        assertThat(err.toString()).contains("Unknown option").contains("'--prot'").contains("Usage: oneedge run");
    }

    @Test
    void unknown_command_exits_non_zero_with_message() {
        assertThat(run("fly")).isNotZero();
        assertThat(err.toString()).contains("fly");
    }

    @Test
    void bench_without_a_benchmark_says_which_exist() {
        assertThat(run("bench")).isNotZero();
        assertThat(err.toString()).contains("bench cse");
    }

    @Test
    void flag_beats_environment_beats_file_beats_default() throws IOException {
        Path file = tmp.resolve("node.yaml");
        Files.writeString(file, """
                cse:
                  id: /id-file
                  sp-id: file.example
                http:
                  port: 7000
                store:
                  type: memory
                """);
        Map<String, String> env = Map.of("ONEEDGE_HTTP_PORT", "7001", "ONEEDGE_CSE_ID", "/id-env");

        NodeConfig config = loadCse(env, "--config", file.toString(), "--port", "7002");

        assertThat(config.httpPort()).as("flag over env").isEqualTo(7002);
        assertThat(config.cseId()).as("env over file").isEqualTo("/id-env");
        assertThat(config.spId()).as("file over default").isEqualTo("file.example");
        assertThat(config.storeType()).as("file over default").isEqualTo(NodeConfig.StoreKind.MEMORY);
        assertThat(config.cseBaseName()).as("default").isEqualTo("cse-in");
        assertThat(config.adminOriginator()).as("default").isEqualTo("CAdmin");
    }

    @Test
    void run_defaults_are_the_embedded_default_with_mec() {
        CommandLine root = cli(Map.of());
        RunCommand run = (RunCommand) root.parseArgs("run").subcommand().commandSpec().userObject();
        NodeConfig config = run.options.load(Map.of(), Map.of(org.oneedge.app.config.ConfigKey.MEC_ENABLED, "true"));
        assertThat(config.cseId()).isEqualTo("/id-in");
        assertThat(config.cseBaseName()).isEqualTo("cse-in");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.storeType()).isEqualTo(NodeConfig.StoreKind.H2);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.mecEnabled()).isTrue();
        assertThat(config.mecPort()).isEqualTo(8090);
    }

    @Test
    void example_config_file_loads_and_spells_out_the_defaults() {
        Path example = Path.of("..", "config", "in-cse.yaml");
        assertThat(example).exists();
        assertThat(loadCse(Map.of(), "--config", example.toString())).isEqualTo(NodeConfig.defaults());
    }

    @Test
    void bad_value_from_environment_names_the_key_and_the_variable() {
        assertThatThrownBy(() -> loadCse(Map.of("ONEEDGE_HTTP_PORT", "eighty"), "--cse-id", "/id-x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port must be a whole number")
                .hasMessageContaining("ONEEDGE_HTTP_PORT");
    }

    @Test
    void unknown_key_in_file_lists_the_known_keys() throws IOException {
        Path file = tmp.resolve("typo.yaml");
        Files.writeString(file, "htp:\n  port: 9000\n");
        assertThatThrownBy(() -> loadCse(Map.of(), "--config", file.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'htp'")
                .hasMessageContaining("http.port");
    }

    @Test
    void missing_config_file_exits_with_a_configuration_error() {
        assertThat(run("cse", "--config", tmp.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("configuration error").contains("nope.yaml").contains("does not exist");
    }

    @Test
    void bad_store_flag_says_which_stores_exist() {
        assertThat(run("cse", "--store", "mongo")).isEqualTo(2);
        assertThat(err.toString()).contains("store.type must be one of h2, memory, postgres").contains("--store");
    }

    @Test
    void deployment_must_be_one_of_a_to_d() {
        assertThat(run("run", "--deployment", "E")).isEqualTo(2);
        assertThat(err.toString()).contains("configuration error").contains("A, B, C or D");
    }

    @Test
    void a_deployment_takes_only_free_ports_from_the_command_line_and_no_identities() {
        assertThat(run("run", "--deployment", "A", "--port", "8085")).isEqualTo(2);
        assertThat(err.toString()).contains("--port and --mec-port take only 0");
        assertThat(run("run", "--deployment", "B", "--cse-id", "/id-x")).isEqualTo(2);
        assertThat(err.toString()).contains("configured in the file").contains("--cse-id");
        assertThat(run("run", "--deployment", "C", "--topology", "x.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("either it or --topology");
    }

    @Test
    void a_topology_file_naming_a_missing_node_in_an_add_on_is_a_configuration_error() throws IOException {
        Path file = tmp.resolve("t.yaml");
        Files.writeString(file, "nodes:\n  - name: in\n    config: {cse: {id: /id-in, base-name: cse-in}}\n"
                + "add-ons:\n  - {type: mqtt-devices, cse: edge}\n");
        assertThat(run("run", "--topology", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("configuration error").contains("cse 'edge'");
    }

    private NodeConfig loadCse(Map<String, String> env, String... args) {
        CommandLine root = cli(env);
        String[] all = new String[args.length + 1];
        all[0] = "cse";
        System.arraycopy(args, 0, all, 1, args.length);
        CseCommand cse = (CseCommand) root.parseArgs(all).subcommand().commandSpec().userObject();
        return cse.options.load(env, Map.of());
    }
}
