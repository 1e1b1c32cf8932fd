package org.oneedge.app.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneedge.app.config.ConfigException;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.config.NodeConfigLoader;

/**
 * Reads a topology file (see {@code config/topology-default.yaml}): {@code nodes} (each a {@code name} and a
 * {@code config} mapping in the node-file format) and {@code links} ({@code from} registree {@code to} registrar,
 * TS-0001 10.2.2.7). Each node has at most one registrar; links name existing nodes; the registrar's URL is filled
 * in when the topology starts.
 */
public final class TopologyFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TopologyFile() {
    }

    public static List<NodeSpec> load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("cannot read topology file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.path("nodes").isArray() || root.path("nodes").isEmpty()) {
            throw new ConfigException("topology file " + file + " must list its nodes under 'nodes:'");
        }
        Map<String, NodeConfig> configs = new LinkedHashMap<>();
        for (JsonNode node : root.get("nodes")) {
            String name = node.path("name").asText("");
            if (name.isBlank()) {
                throw new ConfigException("every node in " + file + " needs a 'name'");
            }
            if (configs.containsKey(name)) {
                throw new ConfigException("node name '" + name + "' appears twice in " + file);
            }
            configs.put(name, new NodeConfigLoader().tree(node.get("config"), file).load());
        }
        Map<String, String> registrarOf = new HashMap<>();
        for (JsonNode link : root.path("links")) {
            String from = link.path("from").asText("");
            String to = link.path("to").asText("");
            if (!configs.containsKey(from) || !configs.containsKey(to)) {
                throw new ConfigException("link " + from + " -> " + to + " in " + file + " names an unknown node;"
                        + " known nodes: " + configs.keySet());
            }
            if (registrarOf.put(from, to) != null) {
                throw new ConfigException("node '" + from + "' has two registrars in " + file);
            }
        }
        List<NodeSpec> specs = new ArrayList<>();
        configs.forEach((name, config) -> specs.add(new NodeSpec(name, config, registrarOf.get(name))));
        return specs;
    }
}
