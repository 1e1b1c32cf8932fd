package org.oneedge.app.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds a {@link NodeConfig} from four layers, each overriding the one before:
 * defaults &lt; YAML file &lt; environment variables &lt; command-line flags.
 * The environment is passed in (never read from {@code System.getenv} here) so tests can inject one.
 */
public final class NodeConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final EnumMap<ConfigKey, String> values = defaultValues();
    private final EnumMap<ConfigKey, String> origins = new EnumMap<>(ConfigKey.class);

    /** The defaults of every key as strings, the bottom layer. */
    public static EnumMap<ConfigKey, String> defaultValues() {
        EnumMap<ConfigKey, String> map = new EnumMap<>(ConfigKey.class);
        for (ConfigKey k : ConfigKey.values()) {
            map.put(k, k.defaultValue());
        }
        return map;
    }

    /** Overrides the defaults with the values a command chose for itself (e.g. {@code run} turns MEC on). */
    public NodeConfigLoader commandDefaults(Map<ConfigKey, String> commandDefaults) {
        commandDefaults.forEach((k, v) -> put(k, v, "default of this command"));
        return this;
    }

    /** Reads a YAML node file; unknown keys are refused with the list of known ones. */
    public NodeConfigLoader file(Path file) {
        if (file == null) {
            return this;
        }
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist; pass an existing file to --config"
                    + " (see config/in-cse.yaml for an example)");
        } catch (JacksonException e) {
            throw new ConfigException("configuration file " + file + " is not valid YAML: "
                    + e.getOriginalMessage() + locationOf(e));
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return this; // an empty file means all defaults
        }
        if (!root.isObject()) {
            throw new ConfigException("configuration file " + file + " must hold a YAML mapping (key: value), not "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        flatten("", root, file);
        return this;
    }

    /**
     * Reads one node's settings from an already parsed YAML mapping (e.g. a node of a topology file); unknown keys
     * are refused as in {@link #file}.
     *
     * @param source names where the mapping came from, for messages
     */
    public NodeConfigLoader tree(JsonNode root, Path source) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            return this;
        }
        if (!root.isObject()) {
            throw new ConfigException("node configuration in " + source + " must be a YAML mapping (key: value)");
        }
        flatten("", root, source);
        return this;
    }

    /** Applies the {@code ONEEDGE_*} environment variables found in {@code env}. */
    public NodeConfigLoader environment(Map<String, String> env) {
        for (ConfigKey k : ConfigKey.values()) {
            String v = env.get(k.env());
            if (v != null && !v.isBlank()) {
                put(k, v.trim(), "environment variable " + k.env());
            }
        }
        return this;
    }

    /** Applies command-line flags; null values (flag not given) are skipped. */
    public NodeConfigLoader flags(Map<ConfigKey, String> flags) {
        flags.forEach((k, v) -> {
            if (v != null) {
                put(k, v, "flag " + k.flag());
            }
        });
        return this;
    }

    /** Parses and checks the merged values; a bad one is reported with the layer it came from. */
    public NodeConfig load() {
        try {
            return fromMap(values);
        } catch (ConfigException e) {
            String origin = origins.entrySet().stream()
                    .filter(en -> e.getMessage().startsWith(en.getKey().key() + " "))
                    .map(en -> " (set by " + en.getValue() + ")")
                    .findFirst().orElse("");
            throw new ConfigException(e.getMessage() + origin, e);
        }
    }

    /** Turns the string values of every key into a checked {@link NodeConfig}. */
    static NodeConfig fromMap(Map<ConfigKey, String> v) {
        String scenario = v.get(ConfigKey.MEC_SCENARIO);
        return new NodeConfig(
                v.get(ConfigKey.CSE_ID),
                v.get(ConfigKey.CSE_BASE_NAME),
                v.get(ConfigKey.SP_ID),
                parseEnum(NodeConfig.CseKind.class, ConfigKey.CSE_TYPE, v.get(ConfigKey.CSE_TYPE)),
                v.get(ConfigKey.ADMIN_ORIGINATOR),
                Arrays.stream(v.get(ConfigKey.RELEASE_VERSIONS).split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                v.get(ConfigKey.HTTP_HOST),
                parseInt(ConfigKey.HTTP_PORT, v.get(ConfigKey.HTTP_PORT)),
                parseSize(ConfigKey.MAX_BODY_SIZE, v.get(ConfigKey.MAX_BODY_SIZE)),
                parseEnum(NodeConfig.StoreKind.class, ConfigKey.STORE, v.get(ConfigKey.STORE)),
                Path.of(v.get(ConfigKey.DATA_DIR)),
                v.get(ConfigKey.PG_URL),
                v.get(ConfigKey.PG_USER),
                v.get(ConfigKey.PG_PASSWORD),
                parseBoolean(ConfigKey.MEC_ENABLED, v.get(ConfigKey.MEC_ENABLED)),
                parseInt(ConfigKey.MEC_PORT, v.get(ConfigKey.MEC_PORT)),
                scenario == null || scenario.isBlank() ? null : Path.of(scenario),
                v.get(ConfigKey.LOG_LEVEL).toUpperCase(Locale.ROOT),
                v.get(ConfigKey.REGISTRAR_CSE_ID),
                v.get(ConfigKey.REGISTRAR_CSE_BASE),
                Arrays.stream(v.get(ConfigKey.REGISTRAR_URL).split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                parseBoolean(ConfigKey.REGISTRAR_DEREGISTER, v.get(ConfigKey.REGISTRAR_DEREGISTER)),
                parseBoolean(ConfigKey.REGISTRAR_REQUEST_REACHABLE, v.get(ConfigKey.REGISTRAR_REQUEST_REACHABLE)),
                parseBoolean(ConfigKey.MQTT_ENABLED, v.get(ConfigKey.MQTT_ENABLED)),
                v.get(ConfigKey.MQTT_BROKER_URL));
    }

    private void put(ConfigKey k, String value, String origin) {
        values.put(k, value);
        origins.put(k, origin);
    }

    private void flatten(String prefix, JsonNode node, Path file) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            JsonNode value = e.getValue();
            ConfigKey known = ConfigKey.byKey(key).orElse(null);
            if (known == null && value.isObject()) {
                if (Arrays.stream(ConfigKey.values()).noneMatch(k -> k.key().startsWith(key + "."))) {
                    throw unknownKey(key, file);
                }
                flatten(key + ".", value, file);
            } else if (known == null) {
                throw unknownKey(key, file);
            } else if (value.isNull()) {
                continue; // "key:" with no value keeps the default
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                put(known, String.join(",", items), "file " + file);
            } else if (value.isValueNode()) {
                put(known, value.asText(), "file " + file);
            } else {
                throw new ConfigException(key + " in " + file + " must be a single value, not a mapping");
            }
        }
    }

    private static ConfigException unknownKey(String key, Path file) {
        String known = Arrays.stream(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.joining(", "));
        return new ConfigException("unknown key '" + key + "' in " + file + "; known keys: " + known);
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static int parseInt(ConfigKey k, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(k.key() + " must be a whole number, got '" + s + "'");
        }
    }

    private static boolean parseBoolean(ConfigKey k, String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(k.key() + " must be true or false, got '" + s + "'");
        };
    }

    /** Sizes as bytes or with a KB/MB suffix (1024-based): {@code 1048576}, {@code 512KB}, {@code 1MB}. */
    static long parseSize(ConfigKey k, String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("KB") || t.endsWith("K")) {
            unit = 1024;
        } else if (t.endsWith("MB") || t.endsWith("M")) {
            unit = 1024 * 1024;
        }
        String digits = t.replaceAll("[KMB]+$", "").trim();
        try {
            return Long.parseLong(digits) * unit;
        } catch (NumberFormatException e) {
            throw new ConfigException(k.key() + " must be a size in bytes or with KB/MB, e.g. 1MB, got '" + s + "'");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, ConfigKey k, String s) {
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new ConfigException(k.key() + " must be one of " + allowed + ", got '" + s + "'");
        }
    }
}
