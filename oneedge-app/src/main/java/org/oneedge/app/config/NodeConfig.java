package org.oneedge.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything one OneEdge node needs to start, as read from its YAML file, environment and flags by
 * {@link NodeConfigLoader}. Each value is checked here so a node never starts half-configured.
 *
 * <p>Defaults (the embedded default of ARCHITECTURE.md "Defaults a user expects"):
 * <pre>
 *   cse.id                  /id-in            SP-relative CSE-ID (TS-0001 7.2)
 *   cse.base-name           cse-in            CSEBase resource name
 *   cse.sp-id               oneedge.example   M2M-SP-ID used for absolute addressing
 *   cse.type                IN                IN | MN | ASN (cst 1/2/3)
 *   cse.admin-originator    CAdmin            originator with all privileges
 *   cse.release-versions    2a,3,4,5          accepted X-M2M-RVI values
 *   http.host               127.0.0.1         loopback: CAdmin is trusted without authentication, so a node is not
 *                                             exposed to the network unless the configuration says 0.0.0.0
 *   http.port               8080              0 picks a free port
 *   http.max-body-size      1MB               larger request bodies are refused
 *   store.type              h2                h2 | memory | postgres
 *   store.data-dir          ./data            where the H2 database lives
 *   store.postgres.url      jdbc:postgresql://127.0.0.1:5432/oneedge
 *   store.postgres.user     oneedge
 *   store.postgres.password oneedge
 *   mec.enabled             false             `oneedge run` turns it on
 *   mec.port                8090
 *   mec.scenario            (built-in)        scenario file for the network and mobility emulator
 *   log-level               INFO
 *   registrar.cse-id        (none)            CSE-ID of the registrar CSE, e.g. /id-in (TS-0001 10.2.2.7); with
 *   registrar.cse-base      (none)            its CSEBase name and
 *   registrar.url           (none)            its points of access (http:// or mqtt://, comma separated)
 *   registrar.deregister-on-shutdown  true   delete the registration on a clean stop
 *   registrar.request-reachable  true   false: register with rr=false and long-poll a pollingChannel at the
 *                                           registrar for the requests addressed to this CSE (no inbound path)
 *   mqtt.enabled            false             also serve TS-0010 over a broker; `oneedge run` turns it on
 *   mqtt.broker-url         (none)            tcp://host:port of the broker; none = tcp://127.0.0.1:1883
 *                                             (`oneedge run` starts an embedded broker there)
 * </pre>
 */
public record NodeConfig(
        String cseId,
        String cseBaseName,
        String spId,
        CseKind cseType,
        String adminOriginator,
        List<String> releaseVersions,
        String httpHost,
        int httpPort,
        long maxBodySize,
        StoreKind storeType,
        Path dataDir,
        String postgresUrl,
        String postgresUser,
        String postgresPassword,
        boolean mecEnabled,
        int mecPort,
        Path mecScenario,
        String logLevel,
        String registrarCseId,
        String registrarCseBase,
        List<String> registrarUrls,
        boolean registrarDeregister,
        boolean registrarRequestReachable,
        boolean mqttEnabled,
        String mqttBrokerUrl) {

    /** The kind of CSE this node is (TS-0001 6.3: cseType). */
    public enum CseKind { IN, MN, ASN }

    /** Where resources are kept. */
    public enum StoreKind { H2, MEMORY, POSTGRES }

    public NodeConfig {
        Objects.requireNonNull(cseType, "cse.type");
        Objects.requireNonNull(storeType, "store.type");
        Objects.requireNonNull(dataDir, "store.data-dir");
        releaseVersions = List.copyOf(releaseVersions);
        registrarUrls = registrarUrls == null ? List.of() : List.copyOf(registrarUrls);
        registrarCseId = registrarCseId == null || registrarCseId.isBlank() ? null : registrarCseId.trim();
        registrarCseBase = registrarCseBase == null || registrarCseBase.isBlank() ? null : registrarCseBase.trim();
        mqttBrokerUrl = mqttBrokerUrl == null || mqttBrokerUrl.isBlank() ? null : mqttBrokerUrl.trim();
        boolean anyRegistrar = registrarCseId != null || registrarCseBase != null || !registrarUrls.isEmpty();
        require(!anyRegistrar || (registrarCseId != null && registrarCseBase != null && !registrarUrls.isEmpty()),
                "registrar.cse-id, registrar.cse-base and registrar.url must be given together (the registrar CSE's"
                        + " CSE-ID, CSEBase name and URL), got " + registrarCseId + ", " + registrarCseBase + ", "
                        + registrarUrls);
        require(registrarCseId == null || registrarCseId.matches("/[^/\\s]+"),
                "registrar.cse-id must be an SP-relative CSE-ID like /id-in, got '" + registrarCseId + "'");
        require(registrarUrls.stream().allMatch(u -> u.startsWith("http://") || u.startsWith("https://")
                        || u.startsWith("mqtt://")),
                "registrar.url must be http://host:port or mqtt://host:port URLs, got " + registrarUrls);
        require(registrarCseId == null || !registrarCseId.equals(cseId),
                "registrar.cse-id must not be this node's own cse.id (" + cseId + ")");
        require(cseId != null && cseId.matches("/[^/\\s]+"),
                "cse.id must be an SP-relative CSE-ID like /id-in (one slash, no spaces), got '" + cseId + "'");
        require(cseBaseName != null && cseBaseName.matches("[^/\\s]+"),
                "cse.base-name must be a resource name like cse-in (no slash, no spaces), got '" + cseBaseName + "'");
        require(spId != null && !spId.isBlank() && !spId.contains("/"),
                "cse.sp-id must be a domain name like oneedge.example, got '" + spId + "'");
        require(adminOriginator != null && !adminOriginator.isBlank(), "cse.admin-originator must not be empty");
        require(!releaseVersions.isEmpty(), "cse.release-versions must name at least one release, e.g. 2a,3,4,5");
        require(httpHost != null && !httpHost.isBlank(), "http.host must be an address such as 127.0.0.1 or 0.0.0.0");
        requirePort(httpPort, "http.port");
        requirePort(mecPort, "mec.port");
        require(maxBodySize > 0, "http.max-body-size must be positive, got " + maxBodySize);
        require(logLevel != null && logLevel.matches("(?i)TRACE|DEBUG|INFO|WARN|ERROR|OFF"),
                "log-level must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got '" + logLevel + "'");
        if (storeType == StoreKind.POSTGRES) {
            require(postgresUrl != null && postgresUrl.startsWith("jdbc:postgresql:"),
                    "store.postgres.url must be a JDBC URL like jdbc:postgresql://127.0.0.1:5432/oneedge, got '"
                            + postgresUrl + "'");
        }
    }

    /** The configuration of the embedded default (see the class comment). */
    public static NodeConfig defaults() {
        return NodeConfigLoader.fromMap(NodeConfigLoader.defaultValues());
    }

    /** True when this node registers to a registrar CSE. */
    public boolean hasRegistrar() {
        return registrarCseId != null;
    }

    /** A copy that registers to another CSE (used by topologies). */
    public NodeConfig withRegistrar(String cseId, String cseBase, List<String> urls) {
        return new NodeConfig(this.cseId, cseBaseName, spId, cseType, adminOriginator, releaseVersions, httpHost,
                httpPort, maxBodySize, storeType, dataDir, postgresUrl, postgresUser, postgresPassword, mecEnabled,
                mecPort, mecScenario, logLevel, cseId, cseBase, urls, registrarDeregister, registrarRequestReachable, mqttEnabled, mqttBrokerUrl);
    }

    /** A copy as another node of a topology: own CSE-ID, CSEBase, type, port and data directory; no MEC. */
    public NodeConfig asNode(String cseId, String cseBase, CseKind type, int port, Path dataDir) {
        return new NodeConfig(cseId, cseBase, spId, type, adminOriginator, releaseVersions, httpHost, port,
                maxBodySize, storeType, dataDir, postgresUrl, postgresUser, postgresPassword, false, mecPort,
                mecScenario, logLevel, null, null, List.of(), registrarDeregister, registrarRequestReachable, mqttEnabled, mqttBrokerUrl);
    }

    /** A copy with MQTT on or off and the broker to use (null: the default broker). */
    public NodeConfig withMqtt(boolean enabled, String brokerUrl) {
        return new NodeConfig(cseId, cseBaseName, spId, cseType, adminOriginator, releaseVersions, httpHost, httpPort,
                maxBodySize, storeType, dataDir, postgresUrl, postgresUser, postgresPassword, mecEnabled, mecPort,
                mecScenario, logLevel, registrarCseId, registrarCseBase, registrarUrls, registrarDeregister,
                registrarRequestReachable, enabled,
                brokerUrl);
    }

    /** The CSEBase address as an HTTP client reaches it, e.g. {@code http://127.0.0.1:8080/cse-in}. */
    public String cseBaseUrl(int boundPort) {
        return "http://" + reachableHost() + ":" + boundPort + "/" + cseBaseName;
    }

    /** The host a client on this machine uses: the wildcard address is reached through loopback. */
    public String reachableHost() {
        return httpHost.equals("0.0.0.0") || httpHost.equals("::") ? "127.0.0.1" : httpHost;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }

    private static void requirePort(int port, String key) {
        require(port >= 0 && port <= 65535, key + " must be a TCP port between 0 and 65535 (0 = any free port), got "
                + port);
    }
}
