package org.oneedge.interworking.mcaproxy;

import java.util.Objects;
import java.util.Optional;
import org.oneedge.mec.api.servicemgmt.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Mca proxy (ARCHITECTURE.md, interworking): a MEC application that relays Mca requests of devices that have no
 * direct path to their registrar CSE. Requests come in over TS-0009 HTTP and/or TS-0010 MQTT and go out to the
 * registrar's HTTP or MQTT point of access unchanged: the same {@code X-M2M-Origin}/{@code fr}, so the CSE's access
 * control decides, and the same oneM2M parameters. The proxy only adds its own admission check (a configured bearer
 * token, 4103 without one) and refuses what it cannot forward: 5103 when the registrar is unreachable, 4000 for an
 * oversize or malformed request, each with {@code m2m:dbg}. When the MEC platform terminates the proxy's MEC
 * application it withdraws its service, confirms, deregisters and from then on answers 5103 saying so.
 *
 * <pre>
 *  try (McaProxy proxy = new McaProxy(McaProxyConfig.builder().registrarCseId("/id-mn1")
 *          .registrarPoa("http://10.0.0.5:8081").tokens(Set.of("s3cret")).build()).start()) {
 *      proxy.httpUrl();   // devices send here with Proxy-Authorization: Bearer s3cret
 *  }
 * </pre>
 */
public final class McaProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(McaProxy.class);

    private final McaProxyConfig config;
    private RegistrarForwarder registrar;
    private ProxyHttpEndpoint http;
    private ProxyMqttEndpoint mqtt;
    private McaProxyMecApp mecApp;
    private volatile boolean terminated;

    public McaProxy(McaProxyConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Opens the endpoints, then registers with the MEC platform when one is configured. */
    public synchronized McaProxy start() {
        if (registrar != null) {
            return this;
        }
        ProxyCredentials credentials = new ProxyCredentials(config.tokens());
        registrar = RegistrarForwarder.open(config);
        try {
            if (config.httpPort() >= 0) {
                http = new ProxyHttpEndpoint(config, credentials, registrar);
                http.start();
            }
            if (config.mqttBrokerUrl() != null) {
                mqtt = new ProxyMqttEndpoint(config, credentials, registrar);
                mqtt.start();
            }
            if (config.mecPlatformUrl() != null) {
                RegistrarForwarder forwarder = registrar;
                mecApp = new McaProxyMecApp(config, action -> {
                    forwarder.stopRelaying("the Mca proxy for " + config.registrarCseId() + " no longer relays: the"
                            + " MEC platform terminated its MEC application (" + action + "); find another proxy with"
                            + " GET /mec_service_mgmt/v1/services?ser_name=" + config.serviceName());
                    terminated = true;   // no lock: the MEC app calls this holding its own
                });
                mecApp.start(advertisedUrl());
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        LOG.info("Mca proxy for {} ({}) listening: HTTP {}, MQTT {}, tokens {}", config.registrarCseId(),
                config.registrarPoa(), http == null ? "off" : http.url(),
                mqtt == null ? "off" : config.mqttBrokerUrl() + " " + mqtt.requestTopics(),
                config.tokens().isEmpty() ? "not checked" : config.tokens().size() + " configured");
        return this;
    }

    public synchronized void stop() {
        if (mecApp != null) {
            mecApp.stop();
            mecApp = null;
        }
        if (mqtt != null) {
            mqtt.stop();
            mqtt = null;
        }
        if (http != null) {
            http.stop();
            http = null;
        }
        if (registrar != null) {
            registrar.close();
            registrar = null;
            LOG.info("Mca proxy for {} stopped", config.registrarCseId());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code http://host:port} of the TS-0009 endpoint; empty when HTTP is off or before {@link #start()}. */
    public synchronized Optional<String> httpUrl() {
        return http == null ? Optional.empty() : Optional.of(http.url());
    }

    /** The MQTT topic filter the proxy takes requests on; empty when MQTT is off or before {@link #start()}. */
    public synchronized Optional<String> mqttRequestTopics() {
        return mqtt == null ? Optional.empty() : Optional.of(mqtt.requestTopics());
    }

    /**
     * True once the MEC platform terminated the proxy's MEC application (MEC 011 AppTerminationNotification): the
     * proxy left the platform and answers every request 5103 until it is stopped.
     */
    public boolean terminated() {
        return terminated;
    }

    /** The proxy's MEC application instance id, while it is registered with a MEC platform. */
    public synchronized Optional<String> appInstanceId() {
        return mecApp == null ? Optional.empty() : Optional.ofNullable(mecApp.appInstanceId());
    }

    /** The proxy's entry in the MEC 011 service registry, when it registered with a MEC platform. */
    public synchronized Optional<ServiceInfo> mecService() {
        return mecApp == null ? Optional.empty() : Optional.ofNullable(mecApp.service());
    }

    public McaProxyConfig config() {
        return config;
    }

    private String advertisedUrl() {
        if (config.advertisedHttpUrl() != null) {
            return config.advertisedHttpUrl();
        }
        if (http != null) {
            return http.url();
        }
        return config.mqttBrokerUrl();
    }
}
