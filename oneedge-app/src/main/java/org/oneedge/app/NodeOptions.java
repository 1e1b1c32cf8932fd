package org.oneedge.app;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.oneedge.app.config.ConfigKey;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.app.config.NodeConfigLoader;
import picocli.CommandLine.Option;

/**
 * The flags shared by the commands that start a node; each overrides one key of the YAML file
 * (precedence: flag &gt; environment variable &gt; file &gt; default, see {@link NodeConfigLoader}).
 */
final class NodeOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML node configuration (see config/in-cse.yaml).")
    Path config;

    @Option(names = "--cse-id", paramLabel = "ID", description = "SP-relative CSE-ID (default /id-in; env ONEEDGE_CSE_ID).")
    String cseId;

    @Option(names = "--cse-base", paramLabel = "NAME", description = "CSEBase resource name (default cse-in; env ONEEDGE_CSE_BASE).")
    String cseBase;

    @Option(names = "--sp-id", paramLabel = "DOMAIN", description = "M2M-SP-ID (default oneedge.example; env ONEEDGE_SP_ID).")
    String spId;

    @Option(names = "--cse-type", paramLabel = "IN|MN|ASN", description = "CSE type (default IN; env ONEEDGE_CSE_TYPE).")
    String cseType;

    @Option(names = "--admin-originator", paramLabel = "ORIGINATOR", description = "Admin originator (default CAdmin; env ONEEDGE_ADMIN_ORIGINATOR).")
    String adminOriginator;

    @Option(names = "--release-versions", paramLabel = "LIST", description = "Accepted release versions (default 2a,3,4,5; env ONEEDGE_RELEASE_VERSIONS).")
    String releaseVersions;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "HTTP bind address (default 127.0.0.1; env ONEEDGE_HTTP_HOST).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port, 0 = any free port (default 8080; env ONEEDGE_HTTP_PORT).")
    String port;

    @Option(names = "--max-body-size", paramLabel = "SIZE", description = "Largest request body, e.g. 1MB (default 1MB; env ONEEDGE_HTTP_MAX_BODY_SIZE).")
    String maxBodySize;

    @Option(names = "--store", paramLabel = "h2|memory|postgres", description = "Resource store (default h2; env ONEEDGE_STORE).")
    String store;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "H2 data directory (default ./data; env ONEEDGE_DATA_DIR).")
    String dataDir;

    @Option(names = "--pg-url", paramLabel = "JDBC_URL", description = "PostgreSQL JDBC URL (env ONEEDGE_PG_URL).")
    String pgUrl;

    @Option(names = "--pg-user", paramLabel = "USER", description = "PostgreSQL user (env ONEEDGE_PG_USER).")
    String pgUser;

    @Option(names = "--pg-password", paramLabel = "PASSWORD", description = "PostgreSQL password (env ONEEDGE_PG_PASSWORD).")
    String pgPassword;

    @Option(names = "--mec", negatable = true, description = "Also start the MEC platform (env ONEEDGE_MEC_ENABLED).")
    Boolean mec;

    @Option(names = "--mec-port", paramLabel = "PORT", description = "MEC platform port (default 8090; env ONEEDGE_MEC_PORT).")
    String mecPort;

    @Option(names = "--scenario", paramLabel = "FILE", description = "MEC emulator scenario file (default: built-in; env ONEEDGE_MEC_SCENARIO).")
    String scenario;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "TRACE, DEBUG, INFO, WARN, ERROR (default INFO; env ONEEDGE_LOG_LEVEL).")
    String logLevel;

    @Option(names = "--registrar-cse-id", paramLabel = "ID", description = "CSE-ID of the registrar CSE to register to, e.g. /id-in (env ONEEDGE_REGISTRAR_CSE_ID).")
    String registrarCseId;

    @Option(names = "--registrar-cse-base", paramLabel = "NAME", description = "CSEBase name of the registrar, e.g. cse-in (env ONEEDGE_REGISTRAR_CSE_BASE).")
    String registrarCseBase;

    @Option(names = "--registrar-url", paramLabel = "URL", description = "Registrar point(s) of access, http:// or mqtt://, comma separated (env ONEEDGE_REGISTRAR_URL).")
    String registrarUrl;

    @Option(names = "--registrar-deregister", paramLabel = "true|false", description = "Delete the registration at the registrar on a clean stop (default true; env ONEEDGE_REGISTRAR_DEREGISTER).")
    String registrarDeregister;

    @Option(names = "--registrar-request-reachable", paramLabel = "true|false", description = "false: register with rr=false and receive requests by long polling a pollingChannel at the registrar, for a node the registrar cannot reach (default true; env ONEEDGE_REGISTRAR_REQUEST_REACHABLE).")
    String registrarRequestReachable;

    @Option(names = "--mqtt", negatable = true, description = "Also serve oneM2M over MQTT (env ONEEDGE_MQTT_ENABLED).")
    Boolean mqtt;

    @Option(names = "--mqtt-broker-url", paramLabel = "URL", description = "MQTT broker tcp://host:port (default tcp://127.0.0.1:1883; env ONEEDGE_MQTT_BROKER_URL).")
    String mqttBrokerUrl;

    /** Merges defaults, the command's own defaults, the file, the environment and these flags. */
    NodeConfig load(Map<String, String> env, Map<ConfigKey, String> commandDefaults) {
        return new NodeConfigLoader()
                .commandDefaults(commandDefaults)
                .file(config)
                .environment(env)
                .flags(flags())
                .load();
    }

    Map<ConfigKey, String> flags() {
        Map<ConfigKey, String> f = new EnumMap<>(ConfigKey.class);
        put(f, ConfigKey.CSE_ID, cseId);
        put(f, ConfigKey.CSE_BASE_NAME, cseBase);
        put(f, ConfigKey.SP_ID, spId);
        put(f, ConfigKey.CSE_TYPE, cseType);
        put(f, ConfigKey.ADMIN_ORIGINATOR, adminOriginator);
        put(f, ConfigKey.RELEASE_VERSIONS, releaseVersions);
        put(f, ConfigKey.HTTP_HOST, host);
        put(f, ConfigKey.HTTP_PORT, port);
        put(f, ConfigKey.MAX_BODY_SIZE, maxBodySize);
        put(f, ConfigKey.STORE, store);
        put(f, ConfigKey.DATA_DIR, dataDir);
        put(f, ConfigKey.PG_URL, pgUrl);
        put(f, ConfigKey.PG_USER, pgUser);
        put(f, ConfigKey.PG_PASSWORD, pgPassword);
        put(f, ConfigKey.MEC_ENABLED, mec == null ? null : mec.toString());
        put(f, ConfigKey.MEC_PORT, mecPort);
        put(f, ConfigKey.MEC_SCENARIO, scenario);
        put(f, ConfigKey.LOG_LEVEL, logLevel);
        put(f, ConfigKey.REGISTRAR_CSE_ID, registrarCseId);
        put(f, ConfigKey.REGISTRAR_CSE_BASE, registrarCseBase);
        put(f, ConfigKey.REGISTRAR_URL, registrarUrl);
        put(f, ConfigKey.REGISTRAR_DEREGISTER, registrarDeregister);
        put(f, ConfigKey.REGISTRAR_REQUEST_REACHABLE, registrarRequestReachable);
        put(f, ConfigKey.MQTT_ENABLED, mqtt == null ? null : mqtt.toString());
        put(f, ConfigKey.MQTT_BROKER_URL, mqttBrokerUrl);
        return f;
    }

    private static void put(Map<ConfigKey, String> f, ConfigKey k, String v) {
        if (v != null) {
            f.put(k, v);
        }
    }
}
