package org.oneedge.app.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.oneedge.app.config.ConfigException;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.config.NodeConfigLoader;

/**
 * Reads a topology file (see {@code config/topology-default.yaml} and {@code topologies/deployment-*.yaml}):
 * <pre>
 *   description: one line said at start-up                        (optional)
 *   nodes:          CSE nodes: name + config (the node-file format)
 *   links:          from registree to registrar (TS-0001 10.2.2.7); at most one registrar per node
 *   mec-platforms:  MEC platform nodes without a CSE: name, host, port, scenario, hosts     (optional)
 *   add-ons:        type mec-application | mec-ipe | mqtt-devices | mca-proxy | network-location | federation,
 *                   each naming its CSE node (cse) and, where it needs one, its MEC platform (mec)  (optional)
 * </pre>
 * Unknown keys are refused with the list of known ones; names an add-on uses must exist ({@link TopologySpec}). The
 * registrar's URL and the embedded broker are filled in when the topology starts.
 */
public final class TopologyFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String DEPLOYMENTS = "ABCD";

    private TopologyFile() {
    }

    /** Reads a topology file as it is. */
    public static TopologySpec load(Path file) {
        return load(file, TopologyOverrides.NONE);
    }

    /** Reads a topology file and applies {@code overrides} to every node. */
    public static TopologySpec load(Path file, TopologyOverrides overrides) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("topology file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read topology file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file, overrides);
    }

    /**
     * The file of deployment option {@code A}..{@code D} ({@code topologies/deployment-x.yaml}, shipped in the jar as
     * well as in the repository), with {@code overrides} applied.
     */
    public static TopologySpec deployment(String option, TopologyOverrides overrides) {
        String o = option == null ? "" : option.trim().toUpperCase(Locale.ROOT);
        if (o.length() != 1 || DEPLOYMENTS.indexOf(o.charAt(0)) < 0) {
            throw new ConfigException("--deployment must be A, B, C or D, got '" + option + "'");
        }
        String resource = deploymentResource(o);
        try (InputStream in = TopologyFile.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new ConfigException("deployment file " + resource + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Path.of(resource), overrides);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /** {@code topologies/deployment-a.yaml} for {@code A}: the path in the repository and on the class path. */
    public static String deploymentResource(String option) {
        return "topologies/deployment-" + option.toLowerCase(Locale.ROOT) + ".yaml";
    }

    /** Parses the text of a topology file; {@code source} names it in messages. */
    public static TopologySpec parse(String text, Path source, TopologyOverrides overrides) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new ConfigException("cannot read topology file " + source + ": " + e.getMessage(), e);
        }
        if (root == null || !root.path("nodes").isArray() || root.path("nodes").isEmpty()) {
            throw new ConfigException("topology file " + source + " must list its nodes under 'nodes:'");
        }
        known(root, Set.of("description", "nodes", "links", "mec-platforms", "add-ons"), "topology file", source);
        Map<String, NodeConfig> configs = new LinkedHashMap<>();
        for (JsonNode node : root.get("nodes")) {
            String name = node.path("name").asText("");
            if (name.isBlank()) {
                throw new ConfigException("every node in " + source + " needs a 'name'");
            }
            if (configs.containsKey(name)) {
                throw new ConfigException("node name '" + name + "' appears twice in " + source);
            }
            configs.put(name, new NodeConfigLoader().tree(node.get("config"), source)
                    .flags(overrides.flagsFor(name)).load());
        }
        Map<String, String> registrarOf = new HashMap<>();
        for (JsonNode link : root.path("links")) {
            String from = link.path("from").asText("");
            String to = link.path("to").asText("");
            if (!configs.containsKey(from) || !configs.containsKey(to)) {
                throw new ConfigException("link " + from + " -> " + to + " in " + source + " names an unknown node;"
                        + " known nodes: " + configs.keySet());
            }
            if (registrarOf.put(from, to) != null) {
                throw new ConfigException("node '" + from + "' has two registrars in " + source);
            }
        }
        List<NodeSpec> specs = new ArrayList<>();
        configs.forEach((name, config) -> specs.add(new NodeSpec(name, config, registrarOf.get(name))));
        List<MecSpec> mecs = new ArrayList<>();
        for (JsonNode mec : root.path("mec-platforms")) {
            known(mec, Set.of("name", "host", "port", "scenario", "hosts"), "MEC platform", source);
            String scenario = text(mec, "scenario");
            mecs.add(overrides.apply(new MecSpec(text(mec, "name"), mec.path("host").asText("127.0.0.1"),
                    mec.path("port").asInt(8090), scenario == null ? null : Path.of(scenario),
                    strings(mec.path("hosts")))));
        }
        List<AddOnSpec> addOns = new ArrayList<>();
        for (JsonNode addOn : root.path("add-ons")) {
            addOns.add(addOn(addOn, source));
        }
        try {
            return new TopologySpec(text(root, "description"), specs, mecs, addOns);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("topology file " + source + ": " + e.getMessage(), e);
        }
    }

    private static AddOnSpec addOn(JsonNode a, Path source) {
        String type = a.path("type").asText("");
        return switch (type) {
            case "mec-application" -> {
                known(a, Set.of("type", "name", "cse", "mec", "mec-host", "app-name", "app-instance-id",
                        "offer-cse-as-service"), type, source);
                yield new AddOnSpec.MecApplication(text(a, "name"), text(a, "cse"), text(a, "mec"),
                        text(a, "mec-host"), text(a, "app-name"), text(a, "app-instance-id"),
                        a.path("offer-cse-as-service").asBoolean(false));
            }
            case "mec-ipe" -> {
                known(a, Set.of("type", "cse", "application", "over-http"), type, source);
                yield new AddOnSpec.MecIpe(text(a, "cse"), text(a, "application"), a.path("over-http").asBoolean(false));
            }
            case "mqtt-devices" -> {
                known(a, Set.of("type", "cse", "applications"), type, source);
                yield new AddOnSpec.MqttDevices(text(a, "cse"), strings(a.path("applications")));
            }
            case "mca-proxy" -> {
                known(a, Set.of("type", "cse", "mec", "port", "tokens"), type, source);
                yield new AddOnSpec.McaProxy(text(a, "cse"), text(a, "mec"), a.path("port").asInt(0),
                        strings(a.path("tokens")));
            }
            case "network-location" -> {
                known(a, Set.of("type", "cse", "mec"), type, source);
                yield new AddOnSpec.NetworkLocation(text(a, "cse"), text(a, "mec"));
            }
            case "federation" -> {
                known(a, Set.of("type", "cse", "members", "mec", "heartbeat-ms"), type, source);
                int beat = a.path("heartbeat-ms").asInt(0);
                yield new AddOnSpec.Federation(text(a, "cse"), strings(a.path("members")), text(a, "mec"),
                        beat > 0 ? java.time.Duration.ofMillis(beat) : null);
            }
            default -> throw new ConfigException("add-on type '" + type + "' in " + source + " is unknown; known:"
                    + " mec-application, mec-ipe, mqtt-devices, mca-proxy, network-location, federation");
        };
    }

    private static void known(JsonNode node, Set<String> keys, String what, Path source) {
        if (!node.isObject()) {
            throw new ConfigException(what + " in " + source + " must be a YAML mapping (key: value)");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!keys.contains(key)) {
                throw new ConfigException("unknown key '" + key + "' in " + what + " of " + source + "; known keys: "
                        + keys.stream().sorted().toList());
            }
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
