package org.oneedge.app.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The keys of a node configuration, each with its YAML path, its environment variable, its command-line flag and
 * its default: one table, so that file, environment and flags can never disagree on names.
 */
public enum ConfigKey {
    CSE_ID("cse.id", "ONEEDGE_CSE_ID", "--cse-id", "/id-in"),
    CSE_BASE_NAME("cse.base-name", "ONEEDGE_CSE_BASE", "--cse-base", "cse-in"),
    SP_ID("cse.sp-id", "ONEEDGE_SP_ID", "--sp-id", "oneedge.example"),
    CSE_TYPE("cse.type", "ONEEDGE_CSE_TYPE", "--cse-type", "IN"),
    ADMIN_ORIGINATOR("cse.admin-originator", "ONEEDGE_ADMIN_ORIGINATOR", "--admin-originator", "CAdmin"),
    RELEASE_VERSIONS("cse.release-versions", "ONEEDGE_RELEASE_VERSIONS", "--release-versions", "2a,3,4,5"),
    HTTP_HOST("http.host", "ONEEDGE_HTTP_HOST", "--host", "127.0.0.1"),
    HTTP_PORT("http.port", "ONEEDGE_HTTP_PORT", "--port", "8080"),
    MAX_BODY_SIZE("http.max-body-size", "ONEEDGE_HTTP_MAX_BODY_SIZE", "--max-body-size", "1MB"),
    STORE("store.type", "ONEEDGE_STORE", "--store", "h2"),
    DATA_DIR("store.data-dir", "ONEEDGE_DATA_DIR", "--data-dir", "./data"),
    PG_URL("store.postgres.url", "ONEEDGE_PG_URL", "--pg-url", "jdbc:postgresql://127.0.0.1:5432/oneedge"),
    PG_USER("store.postgres.user", "ONEEDGE_PG_USER", "--pg-user", "oneedge"),
    PG_PASSWORD("store.postgres.password", "ONEEDGE_PG_PASSWORD", "--pg-password", "oneedge"),
    MEC_ENABLED("mec.enabled", "ONEEDGE_MEC_ENABLED", "--mec", "false"),
    MEC_PORT("mec.port", "ONEEDGE_MEC_PORT", "--mec-port", "8090"),
    MEC_SCENARIO("mec.scenario", "ONEEDGE_MEC_SCENARIO", "--scenario", ""),
    REGISTRAR_CSE_ID("registrar.cse-id", "ONEEDGE_REGISTRAR_CSE_ID", "--registrar-cse-id", ""),
    REGISTRAR_CSE_BASE("registrar.cse-base", "ONEEDGE_REGISTRAR_CSE_BASE", "--registrar-cse-base", ""),
    REGISTRAR_URL("registrar.url", "ONEEDGE_REGISTRAR_URL", "--registrar-url", ""),
    REGISTRAR_DEREGISTER("registrar.deregister-on-shutdown", "ONEEDGE_REGISTRAR_DEREGISTER", "--registrar-deregister", "true"),
    REGISTRAR_REQUEST_REACHABLE("registrar.request-reachable", "ONEEDGE_REGISTRAR_REQUEST_REACHABLE", "--registrar-request-reachable", "true"),
    MQTT_ENABLED("mqtt.enabled", "ONEEDGE_MQTT_ENABLED", "--mqtt", "false"),
    MQTT_BROKER_URL("mqtt.broker-url", "ONEEDGE_MQTT_BROKER_URL", "--mqtt-broker-url", ""),
    LOG_LEVEL("log-level", "ONEEDGE_LOG_LEVEL", "--log-level", "INFO");

    private final String key;
    private final String env;
    private final String flag;
    private final String defaultValue;

    ConfigKey(String key, String env, String flag, String defaultValue) {
        this.key = key;
        this.env = env;
        this.flag = flag;
        this.defaultValue = defaultValue;
    }

    /** The dotted YAML path, e.g. {@code http.port}. */
    public String key() {
        return key;
    }

    public String env() {
        return env;
    }

    public String flag() {
        return flag;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
