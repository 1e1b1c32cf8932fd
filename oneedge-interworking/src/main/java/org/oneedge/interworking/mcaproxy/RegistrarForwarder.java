package org.oneedge.interworking.mcaproxy;

import java.util.UUID;
import org.oneedge.binding.http.HttpClientConfig;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.binding.mqtt.MqttCseClient;
import org.oneedge.binding.mqtt.MqttCseClientConfig;
import org.oneedge.model.CseClient;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a device's request, unchanged (same {@code fr}, {@code rqi}, {@code to}, tokens and filter parameters), to
 * the registrar over its HTTP or MQTT point of access, and turns "the registrar cannot be reached" into
 * 5103 TARGET_NOT_REACHABLE naming the registrar (TS-0004 Table 6.6.3.3-1), whatever the transport said.
 */
final class RegistrarForwarder implements CseClient, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrarForwarder.class);

    private final McaProxyConfig config;
    private final CseClient registrar;
    private final AutoCloseable closer;
    private volatile String refusal;   // set once relaying ended (MEC application terminated)

    private RegistrarForwarder(McaProxyConfig config, CseClient registrar, AutoCloseable closer) {
        this.config = config;
        this.registrar = registrar;
        this.closer = closer;
    }

    /** A forwarder to the configured point of access; an MQTT session is opened (and retried) at once. */
    static RegistrarForwarder open(McaProxyConfig config) {
        if (config.registrarOverMqtt()) {
            MqttCseClient mqtt = MqttCseClient.builder().config(MqttCseClientConfig.builder()
                    .brokerUrl(config.registrarPoa()).cseId(config.registrarCseId())
                    .clientId("mcaproxy-" + UUID.randomUUID()).credentialId("C" + config.mqttReceiverId())
                    .requestTimeout(config.forwardTimeout()).build()).build();
            mqtt.start();
            return new RegistrarForwarder(config, mqtt, mqtt);
        }
        HttpCseClient http = new HttpCseClient(config.registrarPoa(), HttpClientConfig.builder()
                .connectTimeout(config.forwardTimeout()).requestTimeout(config.forwardTimeout()).build());
        return new RegistrarForwarder(config, http, http);
    }

    /** From now on every request is answered 5103 with {@code reason} instead of being relayed. */
    void stopRelaying(String reason) {
        refusal = reason;
    }

    @Override
    public Response send(Request request) {
        String refused = refusal;
        if (refused != null) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, refused).withRequestId(request.requestId());
        }
        Response response;
        try {
            response = registrar.send(request);
        } catch (RuntimeException e) {
            LOG.warn("forwarding rqi={} fr={} to {} failed: {}", request.requestId(), request.from(),
                    config.registrarPoa(), e.toString());
            return unreachable(request, e.getMessage());
        }
        if (response == null) {
            return unreachable(request, "no response");
        }
        if (isTransportFailure(response)) {
            LOG.debug("registrar {} at {} not reachable for rqi={} fr={}: {}", config.registrarCseId(),
                    config.registrarPoa(), request.requestId(), request.from(), response.debugMessage());
            return unreachable(request, response.debugMessage());
        }
        return response;
    }

    /**
     * A failure the local transport produced rather than the registrar: the registrar always names itself in
     * {@code fr} (TS-0004 7.2.1.2), a local transport error does not.
     */
    private boolean isTransportFailure(Response response) {
        if (response.from() != null) {
            return false;
        }
        return switch (response.statusCode()) {
            case TARGET_NOT_REACHABLE, REQUEST_TIMEOUT -> true;
            default -> false;
        };
    }

    private Response unreachable(Request request, String cause) {
        return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "the Mca proxy cannot reach the registrar "
                + config.registrarCseId() + " at " + config.registrarPoa() + (cause == null ? "" : ": " + cause))
                .withRequestId(request.requestId());
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            LOG.debug("closing the registrar client failed: {}", e.toString());
        }
    }
}
