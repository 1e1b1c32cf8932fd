package org.oneedge.binding.mqtt;

import java.util.Objects;
import org.oneedge.binding.mqtt.connection.MqttConnection;
import org.oneedge.binding.mqtt.primitive.PrimitiveCodec;
import org.oneedge.binding.mqtt.topic.OneM2MTopic;
import org.oneedge.binding.mqtt.topic.OneM2MTopic.Kind;
import org.oneedge.binding.mqtt.topic.TopicIds;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * A {@link CseClient} for AEs and devices that reach their registrar CSE over MQTT (Mca, TS-0010 6.4, 6.5).
 * An AE CREATE (ty 2) without an originator-issued AE-ID ({@code fr} absent, empty, {@code C} or {@code S}) is an
 * initial registration and goes on {@code /oneM2M/reg_req/<Credential-ID>/<cse>/<ser>}; every other request goes on
 * {@code /oneM2M/req/<fr>/<cse>/<ser>} and its answer is awaited on {@code /oneM2M/resp/<fr>/+/#}.
 * Never throws: 5103 when the broker is unreachable, 4008 when no answer comes in time.
 */
public final class MqttCseClient implements CseClient, AutoCloseable {
    private final MqttCseClientConfig config;
    private final MqttConnection sharedConnection;
    private final PrimitiveCodec codec = new PrimitiveCodec();
    private MqttConnection connection;
    private MqttRequestChannel channel;

    private MqttCseClient(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.sharedConnection = b.connection;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Connects to the broker (or keeps retrying in the background); requests before that get 5103. */
    public synchronized MqttCseClient start() {
        if (channel == null) {
            connection = sharedConnection != null ? sharedConnection : new MqttConnection(config.connectionConfig());
            channel = new MqttRequestChannel(connection, codec, config.qos(), config.requestTimeout());
            connection.start();
        }
        return this;
    }

    /** The session this client uses, e.g. to share it with a notification receiver ({@link MqttBindingServer}). */
    public MqttConnection connection() {
        return connection;
    }

    @Override
    public Response send(Request request) {
        MqttRequestChannel ch = channel;
        if (ch == null) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "MQTT client not started")
                    .withRequestId(request.requestId());
        }
        String prefix = config.topicPrefix();
        String cse = TopicIds.toTopicLevel(config.cseId());
        String originator;
        Kind kind;
        try {
            if (isInitialRegistration(request)) {
                kind = Kind.REG_REQ;
                originator = TopicIds.toTopicLevel(config.credentialId());
            } else {
                kind = Kind.REQ;
                originator = TopicIds.toTopicLevel(request.from() == null ? config.credentialId() : request.from());
            }
        } catch (IllegalArgumentException e) {
            return Response.error(ResponseStatusCode.BAD_REQUEST, "cannot send over MQTT: " + e.getMessage())
                    .withRequestId(request.requestId());
        }
        String topic = OneM2MTopic.of(prefix, kind, originator, cse, config.serialization()).topic();
        try {
            return ch.request(topic, OneM2MTopic.originatorFilter(prefix, kind.responseKind(), originator), request,
                    config.serialization());
        } catch (RuntimeException e) {
            return Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "MQTT send failed: " + e)
                    .withRequestId(request.requestId());
        }
    }

    /** True for an AE CREATE whose originator did not bring its own AE-ID (TS-0001 10.2.2.2, TS-0010 6.5). */
    static boolean isInitialRegistration(Request request) {
        if (request.operation() != Operation.CREATE || request.resourceType() == null || request.resourceType() != 2) {
            return false;
        }
        String fr = request.from();
        return fr == null || fr.isBlank() || fr.equals("C") || fr.equals("S");
    }

    /** Disconnects (unless the session was given by the caller); same as {@link #close()}. */
    public void stop() {
        close();
    }

    @Override
    public synchronized void close() {
        if (connection != null && sharedConnection == null) {
            connection.close();
        }
        channel = null;
    }

    /** Wires a {@link MqttCseClient}; {@code config} is required. */
    public static final class Builder {
        private MqttCseClientConfig config;
        private MqttConnection connection;

        public Builder config(MqttCseClientConfig v) { config = v; return this; }
        /** An existing session to the configured broker (not closed here); default a new one. */
        public Builder connection(MqttConnection v) { connection = v; return this; }

        public MqttCseClient build() {
            return new MqttCseClient(this);
        }
    }
}
