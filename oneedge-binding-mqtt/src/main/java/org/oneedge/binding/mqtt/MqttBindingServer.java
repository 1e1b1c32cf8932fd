package org.oneedge.binding.mqtt;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.oneedge.binding.mqtt.connection.MqttConnection;
import org.oneedge.binding.mqtt.primitive.MalformedPrimitiveException;
import org.oneedge.binding.mqtt.primitive.PrimitiveCodec;
import org.oneedge.binding.mqtt.primitive.RequestExpiration;
import org.oneedge.binding.mqtt.primitive.Serialization;
import org.oneedge.binding.mqtt.topic.OneM2MTopic;
import org.oneedge.binding.mqtt.topic.OneM2MTopic.Kind;
import org.oneedge.model.CseClient;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of the TS-0010 MQTT binding: takes requests addressed to this CSE from the broker, hands them
 * to a {@link CseClient} (the engine) and publishes the responses.
 *
 * <pre>
 *  /oneM2M/req/&lt;o&gt;/&lt;own&gt;/&lt;json|cbor&gt;     ─┐                      ┌─▶ /oneM2M/resp/&lt;o&gt;/&lt;own&gt;/&lt;same&gt;
 *  /oneM2M/reg_req/&lt;cred&gt;/&lt;own&gt;/&lt;…&gt;  ─┴▶ decode ▶ checks ▶ CseClient ─┴─▶ /oneM2M/reg_resp/&lt;cred&gt;/&lt;own&gt;/&lt;same&gt;
 *                                         (virtual thread per request)
 * </pre>
 *
 * Checks before the engine: a malformed primitive gets 4000 with {@code m2m:dbg}; an expired {@code rqet} gets
 * 4008 (TS-0010 6.4: the broker may have held the message); {@code reg_req} accepts only CREATE of an AE (ty 2) or
 * remoteCSE (ty 16), else 4000, and only listed Credential-IDs when a list is configured, else 4103.
 * {@code rt=5} (noResponse) suppresses the response.
 */
public final class MqttBindingServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttBindingServer.class);
    private static final int AE = 2;
    private static final int REMOTE_CSE = 16;
    private static final int NO_RESPONSE = 5;

    private final MqttBindingConfig config;
    private final CseClient cse;
    private final Clock clock;
    private final PrimitiveCodec codec = new PrimitiveCodec();
    private final ExecutorService injectedExecutor;
    private final MqttConnection sharedConnection;
    private MqttConnection connection;
    private ExecutorService executor;
    private volatile boolean running;

    private MqttBindingServer(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.cse = Objects.requireNonNull(b.cseClient, "cseClient");
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.injectedExecutor = b.executor;
        this.sharedConnection = b.connection;
    }

    public static Builder builder() {
        return new Builder();
    }

    public MqttBindingConfig config() {
        return config;
    }

    /**
     * The MQTT session this server uses; give it to the {@link MqttRemoteSender} so both share the client id.
     * Available after {@link #start()}.
     */
    public MqttConnection connection() {
        return connection;
    }

    /** Connects (or keeps retrying in the background) and subscribes to the request topics of this CSE. */
    public synchronized void start() {
        if (running) {
            return;
        }
        executor = injectedExecutor != null ? injectedExecutor : Executors.newVirtualThreadPerTaskExecutor();
        connection = sharedConnection != null ? sharedConnection : new MqttConnection(config.connectionConfig());
        running = true;
        String own = config.ownTopicLevel();
        List<CompletableFuture<Void>> acks = List.of(
                connection.subscribe(OneM2MTopic.receiverFilter(config.topicPrefix(), Kind.REQ, own), config.qos(),
                        this::onMessage),
                connection.subscribe(OneM2MTopic.receiverFilter(config.topicPrefix(), Kind.REG_REQ, own),
                        config.qos(), this::onMessage));
        connection.start();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.connectionConfig().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("MQTT binding serving {} on {} (prefix '{}', QoS {})", config.cseId(), config.brokerUrl(),
                    config.topicPrefix(), config.qos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("MQTT binding for {} not yet subscribed on {}; will subscribe when the broker is reachable",
                    config.cseId(), config.brokerUrl());
        }
    }

    /**
     * Stops taking requests, lets requests in progress publish their responses (up to {@code connectTimeout}), then
     * closes the connection unless it was given by the caller.
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (injectedExecutor == null) {
            executor.shutdown();
            try {
                executor.awaitTermination(config.connectionConfig().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (sharedConnection == null) {
            connection.close();
        }
        LOG.info("MQTT binding for {} stopped", config.cseId());
    }

    @Override
    public void close() {
        stop();
    }

    private void onMessage(String topicName, byte[] payload) {
        if (!running) {
            return;
        }
        OneM2MTopic topic = OneM2MTopic.parse(topicName, config.topicPrefix()).orElse(null);
        if (topic == null) {
            LOG.debug("MQTT dropping message on {}: not a oneM2M request topic", topicName);
            return;
        }
        try {
            executor.execute(() -> handle(topic, payload));
        } catch (RejectedExecutionException e) {
            LOG.debug("MQTT dropping request on {}: server stopping", topicName);
        }
    }

    private void handle(OneM2MTopic topic, byte[] payload) {
        Serialization serialization = topic.serialization().orElse(null);
        if (serialization == null) {
            LOG.debug("MQTT dropping request on {}: serialization '{}' not supported", topic, topic.format());
            return;
        }
        Request request = null;
        Response response;
        try {
            request = codec.decodeRequest(payload, serialization);
            response = process(topic, request);
        } catch (MalformedPrimitiveException e) {
            LOG.debug("MQTT malformed request on {}: {}", topic, e.getMessage());
            response = e.toResponse();
        }
        if (request != null && request.responseType() != null && request.responseType() == NO_RESPONSE) {
            return;
        }
        publishResponse(topic.responseTopic(), complete(response, request), serialization);
    }

    private Response process(OneM2MTopic topic, Request request) {
        if (topic.kind() == Kind.REG_REQ) {
            Response refusal = checkRegistration(topic, request);
            if (refusal != null) {
                return refusal;
            }
        }
        try {
            if (RequestExpiration.isExpired(request, clock.instant())) {
                return Response.error(ResponseStatusCode.REQUEST_TIMEOUT, "request expired at rqet "
                        + request.requestExpirationTimestamp() + " before it arrived");
            }
            Response response = cse.send(request);
            return response != null ? response
                    : Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "the CSE returned no response");
        } catch (OneM2MException e) {
            return e.toResponse();
        } catch (RuntimeException e) {
            LOG.error("MQTT request {} from {} failed in the CSE", request.requestId(), request.from(), e);
            return Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "internal error: " + e);
        }
    }

    private Response checkRegistration(OneM2MTopic topic, Request request) {
        Integer ty = request.resourceType();
        if (request.operation() != Operation.CREATE || ty == null || (ty != AE && ty != REMOTE_CSE)) {
            return Response.error(ResponseStatusCode.BAD_REQUEST,
                    "reg_req accepts only CREATE of an AE (ty 2) or remoteCSE (ty 16)");
        }
        if (!config.allowedCredentialIds().isEmpty() && !config.allowedCredentialIds().contains(topic.originator())) {
            return Response.error(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE,
                    "Credential-ID " + topic.originator() + " is not allowed to register");
        }
        return null;
    }

    private Response complete(Response response, Request request) {
        Response r = response;
        if (request != null) {
            if (r.requestId() == null) {
                r = r.withRequestId(request.requestId());
            }
            if (r.to() == null && request.from() != null) {
                r = r.withTo(request.from());
            }
            if (r.releaseVersion() == null) {
                r = r.withReleaseVersion(request.releaseVersion());
            }
        }
        return r.from() == null ? r.withFrom(config.cseId()) : r;
    }

    private void publishResponse(OneM2MTopic topic, Response response, Serialization serialization) {
        byte[] payload = codec.encodeResponse(response, serialization);
        connection.publish(topic.topic(), payload, config.qos()).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("MQTT response {} on {} not delivered: {}", response.requestId(), topic, error.toString());
            } else {
                LOG.debug("MQTT response {} rsc {} on {}", response.requestId(), response.statusCode().code(), topic);
            }
        });
    }

    /** Wires a {@link MqttBindingServer}; {@code config} and {@code cseClient} are required. */
    public static final class Builder {
        private MqttBindingConfig config;
        private CseClient cseClient;
        private Clock clock;
        private ExecutorService executor;
        private MqttConnection connection;

        public Builder config(MqttBindingConfig v) { config = v; return this; }
        /** Where decoded requests go: the CSE engine, or a fake in tests. */
        public Builder cseClient(CseClient v) { cseClient = v; return this; }
        /** Clock for the {@code rqet} check; default system UTC. */
        public Builder clock(Clock v) { clock = v; return this; }
        /** Runs each request; default a virtual thread per request, owned by the server. */
        public Builder executor(ExecutorService v) { executor = v; return this; }
        /** An existing session to the configured broker (not closed on stop); default a new one. */
        public Builder connection(MqttConnection v) { connection = v; return this; }

        public MqttBindingServer build() {
            return new MqttBindingServer(this);
        }
    }
}
