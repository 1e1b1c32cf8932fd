package org.oneedge.app.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oneedge.app.config.ConfigException;
import org.oneedge.app.config.NodeConfig;

/** Topology files with MEC platforms and add-ons: the shipped deployment files, overrides, and refused files. */
class TopologyFileTest {

    private static final Path SOURCE = Path.of("test.yaml");
    private static final String NODE = "nodes:\n  - name: in\n    config:\n      cse: {id: /id-in, base-name: cse-in}\n";

    @ParameterizedTest
    @ValueSource(strings = {"A", "B", "C", "D"})
    void shipped_deployment_files_are_the_repository_files_and_parse(String option) throws Exception {
        String resource = TopologyFile.deploymentResource(option);
        String repository = Files.readString(Path.of("..").resolve(resource));
        try (InputStream in = TopologyFile.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as("%s on the class path", resource).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(repository);
        }
        TopologySpec spec = TopologyFile.deployment(option.toLowerCase(), TopologyOverrides.NONE);
        assertThat(spec).isEqualTo(TopologyFile.load(Path.of("..").resolve(resource)));
        assertThat(spec.description()).startsWith("deployment " + option + ":");
        assertThat(spec.nodes()).extracting(NodeSpec::name).contains("in");
        assertThat(spec.addOns()).hasAtLeastOneElementOfType(AddOnSpec.MecIpe.class)
                .hasAtLeastOneElementOfType(AddOnSpec.MqttDevices.class);
        assertThat(spec.addOns().stream().filter(a -> a instanceof AddOnSpec.MecApplication)
                .map(a -> ((AddOnSpec.MecApplication) a).offerCseAsService()))
                .containsExactly(option.equals("D"));
    }

    @Test
    void the_default_topology_file_spells_out_the_nodes_device_gateway_and_federation_of_oneedge_run() {
        TopologySpec spec = TopologyFile.load(Path.of("../config/topology-default.yaml"));

        assertThat(spec.nodes()).extracting(NodeSpec::name).containsExactly("in", "mn1", "mn2");
        assertThat(spec.nodes()).extracting(NodeSpec::registrar).containsExactly(null, "in", "in");
        assertThat(spec.addOns()).containsExactly(new AddOnSpec.MqttDevices("in", java.util.List.of("/id-in/C*")),
                new AddOnSpec.Federation("in", java.util.List.of("in", "mn1", "mn2"), "in", null));
    }

    @Test
    void refuses_a_federation_whose_members_are_not_cse_nodes(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, """
                nodes:
                  - name: in
                    config: {cse: {id: /id-in, base-name: cse-in, type: IN}}
                add-ons:
                  - {type: federation, cse: in, members: [in, mn7], heartbeat-ms: 500}
                """);

        assertThatThrownBy(() -> TopologyFile.load(file)).hasMessageContaining("add-on federation")
                .hasMessageContaining("mn7");
    }

    @Test
    void overrides_put_every_node_and_mec_platform_on_free_ports_with_its_own_data_directory() {
        TopologySpec spec = TopologyFile.deployment("B", new TopologyOverrides(true, "memory", Path.of("/tmp/x"),
                "WARN"));
        for (NodeSpec node : spec.nodes()) {
            assertThat(node.config().httpPort()).isZero();
            assertThat(node.config().storeType()).isEqualTo(NodeConfig.StoreKind.MEMORY);
            assertThat(node.config().dataDir()).isEqualTo(Path.of("/tmp/x").resolve(node.name()));
            assertThat(node.config().logLevel()).isEqualTo("WARN");
        }
        assertThat(spec.mecPlatforms()).extracting(MecSpec::port).containsOnly(0);
    }

    @Test
    void refuses_an_unknown_deployment_option() {
        assertThatThrownBy(() -> TopologyFile.deployment("E", TopologyOverrides.NONE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("A, B, C or D");
    }

    @Test
    void refuses_an_add_on_of_an_unknown_type() {
        assertThatThrownBy(() -> parse(NODE + "add-ons:\n  - {type: teleporter, cse: in}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("teleporter").hasMessageContaining("mec-ipe");
    }

    @Test
    void refuses_an_add_on_naming_a_missing_cse_or_mec_platform() {
        assertThatThrownBy(() -> parse(NODE + "add-ons:\n  - {type: mqtt-devices, cse: mn9}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mn9");
        assertThatThrownBy(() -> parse(NODE + "add-ons:\n  - {type: network-location, cse: in, mec: edge}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mec 'edge'");
    }

    @Test
    void refuses_a_mec_ipe_before_its_mec_application() {
        assertThatThrownBy(() -> parse(NODE + "mec-platforms:\n  - {name: edge}\nadd-ons:\n"
                + "  - {type: mec-ipe, cse: in, application: app}\n"
                + "  - {type: mec-application, name: app, cse: in, mec: edge}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("application 'app'");
    }

    @Test
    void refuses_unknown_keys_of_an_add_on_and_of_a_mec_platform() {
        assertThatThrownBy(() -> parse(NODE + "add-ons:\n  - {type: mqtt-devices, cse: in, colour: red}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> parse(NODE + "mec-platforms:\n  - {name: edge, hostz: x}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("hostz");
    }

    @Test
    void a_mec_platform_defaults_to_loopback_port_8090_and_the_built_in_scenario() {
        TopologySpec spec = parse(NODE + "mec-platforms:\n  - {name: edge}\n");
        assertThat(spec.mecPlatforms()).containsExactly(new MecSpec("edge", "127.0.0.1", 8090, null, List.of()));
    }

    @Test
    void refuses_a_mec_host_the_platform_does_not_list() {
        assertThatThrownBy(() -> parse(NODE + "mec-platforms:\n  - {name: edge, hosts: [h1, h2]}\nadd-ons:\n"
                + "  - {type: mec-application, name: app, cse: in, mec: edge, mec-host: h3}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mec-host 'h3'");
    }

    @Test
    void a_platform_whose_scenario_has_other_hosts_than_listed_is_refused() {
        MecSpec listed = new MecSpec("edge", "127.0.0.1", 0, null, List.of("mec-host-1", "mec-host-2"));

        listed.checkHosts(List.of("mec-host-1", "mec-host-2"));
        assertThatThrownBy(() -> listed.checkHosts(List.of("mec-host-1", "mec-host-2", "mec-host-3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built-in default")
                .hasMessageContaining("mec-host-3");
        new MecSpec("any", "127.0.0.1", 0, null, List.of()).checkHosts(List.of("x"));
    }

    private static TopologySpec parse(String text) {
        return TopologyFile.parse(text, SOURCE, TopologyOverrides.NONE);
    }
}
