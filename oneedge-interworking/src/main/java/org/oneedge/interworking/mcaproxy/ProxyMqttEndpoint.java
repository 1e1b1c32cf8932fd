package org.oneedge.interworking.mcaproxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.oneedge.binding.mqtt.connection.BrokerAddress;
import org.oneedge.binding.mqtt.connection.MqttConnection;
import org.oneedge.binding.mqtt.connection.MqttConnectionConfig;
import org.oneedge.binding.mqtt.primitive.MalformedPrimitiveException;
import org.oneedge.binding.mqtt.primitive.PrimitiveCodec;
import org.oneedge.binding.mqtt.primitive.Serialization;
import org.oneedge.binding.mqtt.topic.OneM2MTopic;
import org.oneedge.binding.mqtt.topic.OneM2MTopic.Kind;
import org.oneedge.model.CseClient;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's TS-0010 endpoint: a device publishes its request primitive on
 * {@code /oneM2M/req/<originator>/<mqttReceiverId>/<json|cbor>} and gets the registrar's response on the matching
 * {@code /oneM2M/resp/...} topic. The MQTT binding's {@link PrimitiveCodec} reads and writes the primitives. MQTT has
 * no per-message headers, so the proxy token travels as the primitive member {@code "proxyAuthorization":
 * "Bearer <token>"}, which is no TS-0004 parameter and is not forwarded.
 */
final class ProxyMqttEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyMqttEndpoint.class);
    static final String PROXY_AUTHORIZATION = "proxyAuthorization";
    private static final int NO_RESPONSE = 5;
    private static final int QOS = 1;

    private final McaProxyConfig config;
    private final ProxyCredentials credentials;
    private final CseClient registrar;
    private final PrimitiveCodec codec = new PrimitiveCodec();
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper cbor = new CBORMapper();
    private MqttConnection connection;
    private ExecutorService executor;
    private volatile boolean running;

    ProxyMqttEndpoint(McaProxyConfig config, ProxyCredentials credentials, CseClient registrar) {
        this.config = config;
        this.credentials = credentials;
        this.registrar = registrar;
    }

    synchronized void start() {
        executor = Executors.newVirtualThreadPerTaskExecutor();
        connection = new MqttConnection(new MqttConnectionConfig(BrokerAddress.parse(config.mqttBrokerUrl()),
                "mcaproxy-" + UUID.randomUUID(), null, null, null, null, null, null));
        running = true;
        var ack = connection.subscribe(OneM2MTopic.receiverFilter("", Kind.REQ, config.mqttReceiverId()), QOS,
                this::onMessage);
        connection.start();
        try {
            ack.get(connection.config().connectTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Mca proxy not yet subscribed on {}; it subscribes when the broker is reachable",
                    config.mqttBrokerUrl());
        }
    }

    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        executor.shutdown();
        connection.close();
    }

    @Override
    public void close() {
        stop();
    }

    /** The request topic filter devices publish to, e.g. {@code /oneM2M/req/+/mcaproxy-id-mn1/#}. */
    String requestTopics() {
        return OneM2MTopic.receiverFilter("", Kind.REQ, config.mqttReceiverId());
    }

    private void onMessage(String topicName, byte[] payload) {
        if (!running) {
            return;
        }
        OneM2MTopic topic = OneM2MTopic.parse(topicName, "").orElse(null);
        if (topic == null || topic.serialization().isEmpty()) {
            LOG.debug("Mca proxy dropping message on {}: not a oneM2M request topic", topicName);
            return;
        }
        try {
            executor.execute(() -> relay(topic, payload));
        } catch (RejectedExecutionException e) {
            LOG.debug("Mca proxy dropping request on {}: stopping", topicName);
        }
    }

    private void relay(OneM2MTopic topic, byte[] payload) {
        Serialization serialization = topic.serialization().orElseThrow();
        Request request = null;
        Response response;
        try {
            if (payload.length > config.maxBodyBytes()) {
                throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "request primitive of " + payload.length
                        + " bytes exceeds the Mca proxy's limit of " + config.maxBodyBytes() + " bytes");
            }
            request = codec.decodeRequest(payload, serialization);
            credentials.check(proxyCredential(payload, serialization), "the primitive member " + PROXY_AUTHORIZATION);
            response = registrar.send(request);
        } catch (MalformedPrimitiveException e) {
            response = e.toResponse();
        } catch (OneM2MException e) {
            response = e.toResponse();
        } catch (RuntimeException e) {
            LOG.warn("Mca proxy failed on MQTT request from {}", topic.originator(), e);
            response = Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "internal error in the Mca proxy: "
                    + e);
        }
        if (request != null && request.responseType() != null && request.responseType() == NO_RESPONSE) {
            return;
        }
        if (request != null) {
            if (response.requestId() == null) {
                response = response.withRequestId(request.requestId());
            }
            if (response.to() == null && request.from() != null) {
                response = response.withTo(request.from());
            }
            if (response.releaseVersion() == null) {
                response = response.withReleaseVersion(request.releaseVersion());
            }
        }
        Response answer = response;
        connection.publish(topic.responseTopic().topic(), codec.encodeResponse(answer, serialization), QOS)
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.warn("Mca proxy response {} on {} not delivered: {}", answer.requestId(),
                                topic.responseTopic(), error.toString());
                    }
                });
    }

    private String proxyCredential(byte[] payload, Serialization serialization) {
        try {
            JsonNode root = (serialization == Serialization.CBOR ? cbor : json).readTree(payload);
            JsonNode value = root == null ? null : root.get(PROXY_AUTHORIZATION);
            return value == null || !value.isTextual() ? null : value.asText();
        } catch (IOException e) {
            return null; // the codec already reported a malformed primitive
        }
    }
}
