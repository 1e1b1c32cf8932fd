package org.oneedge.interworking.mcaproxy;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of an {@link McaProxy}. One record with documented defaults (see {@link #builder()}).
 *
 * @param registrarCseId     SP-relative CSE-ID of the registrar the devices belong to, e.g. {@code /id-mn1} (required)
 * @param registrarPoa       the registrar's point of access the proxy forwards to: {@code http://host:port[/base]}
 *                           (TS-0009) or {@code mqtt://host:port} / {@code tcp://host:port} (TS-0010) (required)
 * @param tokens             proxy tokens a device must present: HTTP {@code Proxy-Authorization: Bearer <token>},
 *                           MQTT primitive member {@code "proxyAuthorization": "Bearer <token>"}; empty = no check
 *                           (default empty)
 * @param httpHost           interface the proxy's TS-0009 endpoint binds (default {@code 0.0.0.0})
 * @param httpPort           its port, 0 = a free one (default 0); negative = no HTTP endpoint
 * @param mqttBrokerUrl      broker on which the proxy takes TS-0010 requests ({@code null} = no MQTT endpoint)
 *                           (default {@code null})
 * @param mqttReceiverId     receiver topic level devices address the proxy with:
 *                           {@code /oneM2M/req/<originator>/<mqttReceiverId>/<json|cbor>} (default
 *                           {@code mcaproxy-<registrar csi>})
 * @param maxBodyBytes       largest request body (HTTP) or primitive (MQTT) forwarded; larger ones get 4000
 *                           (default 1 MiB)
 * @param forwardTimeout     how long the proxy waits for the registrar; past it 5103/4008 (default 10 s)
 * @param mecPlatformUrl     MEC platform (host view) to register with (MEC 011) and publish the proxy service on;
 *                           {@code null} = stand-alone (default {@code null})
 * @param advertisedHttpUrl  URL devices reach the HTTP endpoint at, published in the MEC service ({@code null} = the
 *                           bound address) (default {@code null})
 */
public record McaProxyConfig(String registrarCseId, String registrarPoa, Set<String> tokens, String httpHost,
                             int httpPort, String mqttBrokerUrl, String mqttReceiverId, int maxBodyBytes,
                             Duration forwardTimeout, String mecPlatformUrl, String advertisedHttpUrl) {

    /** Category under which the proxy is published, next to the CSEs it serves. */
    public static final String SERVICE_CATEGORY = "oneM2M";

    public McaProxyConfig {
        if (registrarCseId == null || !registrarCseId.startsWith("/") || registrarCseId.length() < 2) {
            throw new IllegalArgumentException("registrarCseId must be an SP-relative CSE-ID such as /id-mn1, was "
                    + registrarCseId);
        }
        Objects.requireNonNull(registrarPoa, "registrarPoa");
        if (!registrarPoa.matches("(?i)(https?|mqtts?|tcp)://.+")) {
            throw new IllegalArgumentException("registrarPoa must be an http://, mqtt:// or tcp:// URL, was "
                    + registrarPoa);
        }
        tokens = tokens == null ? Set.of() : Set.copyOf(tokens);
        Objects.requireNonNull(httpHost, "httpHost");
        if (httpPort > 65535) {
            throw new IllegalArgumentException("httpPort must be at most 65535, was " + httpPort);
        }
        if (httpPort < 0 && mqttBrokerUrl == null) {
            throw new IllegalArgumentException("the proxy needs an HTTP port or an MQTT broker to listen on");
        }
        if (mqttReceiverId == null || mqttReceiverId.isBlank()) {
            mqttReceiverId = "mcaproxy-" + registrarCseId.substring(1);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        if (forwardTimeout == null || forwardTimeout.isNegative() || forwardTimeout.isZero()) {
            throw new IllegalArgumentException("forwardTimeout must be a positive duration, was " + forwardTimeout);
        }
    }

    /** The registrar's CSE-ID without its slash, e.g. {@code id-mn1}. */
    public String registrarCsi() {
        return registrarCseId.substring(1);
    }

    /** True when the registrar is reached over TS-0010 MQTT. */
    public boolean registrarOverMqtt() {
        return !registrarPoa.regionMatches(true, 0, "http", 0, 4);
    }

    /** MEC service name of the proxy: {@code oneM2M-McaProxy-<registrar csi>}. */
    public String serviceName() {
        return "oneM2M-McaProxy-" + registrarCsi();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults documented on {@link McaProxyConfig}. */
    public static final class Builder {
        private String registrarCseId;
        private String registrarPoa;
        private Set<String> tokens = Set.of();
        private String httpHost = "0.0.0.0";
        private int httpPort;
        private String mqttBrokerUrl;
        private String mqttReceiverId;
        private int maxBodyBytes = 1024 * 1024;
        private Duration forwardTimeout = Duration.ofSeconds(10);
        private String mecPlatformUrl;
        private String advertisedHttpUrl;

        public Builder registrarCseId(String v) { registrarCseId = v; return this; }
        public Builder registrarPoa(String v) { registrarPoa = v; return this; }
        public Builder tokens(Set<String> v) { tokens = v; return this; }
        public Builder httpHost(String v) { httpHost = v; return this; }
        public Builder httpPort(int v) { httpPort = v; return this; }
        public Builder mqttBrokerUrl(String v) { mqttBrokerUrl = v; return this; }
        public Builder mqttReceiverId(String v) { mqttReceiverId = v; return this; }
        public Builder maxBodyBytes(int v) { maxBodyBytes = v; return this; }
        public Builder forwardTimeout(Duration v) { forwardTimeout = v; return this; }
        public Builder mecPlatformUrl(String v) { mecPlatformUrl = v; return this; }
        public Builder advertisedHttpUrl(String v) { advertisedHttpUrl = v; return this; }

        public McaProxyConfig build() {
            return new McaProxyConfig(registrarCseId, registrarPoa, tokens, httpHost, httpPort, mqttBrokerUrl,
                    mqttReceiverId, maxBodyBytes, forwardTimeout, mecPlatformUrl, advertisedHttpUrl);
        }
    }
}
