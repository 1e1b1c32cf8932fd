package org.oneedge.binding.mqtt;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.oneedge.binding.mqtt.connection.BrokerAddress;
import org.oneedge.binding.mqtt.connection.MqttConnection;
import org.oneedge.binding.mqtt.connection.MqttPointOfAccess;
import org.oneedge.binding.mqtt.primitive.PrimitiveCodec;
import org.oneedge.binding.mqtt.topic.OneM2MTopic;
import org.oneedge.binding.mqtt.topic.OneM2MTopic.Kind;
import org.oneedge.binding.mqtt.topic.TopicIds;
import org.oneedge.model.Operation;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a CSE's outgoing requests (forwarding over Mcc, notifications, verification requests) to
 * {@code mqtt://host[:port][/path]} points of access (TS-0010 6.4, 6.6). Never throws: an unusable URL or an
 * unreachable broker gives 5103 TARGET_NOT_REACHABLE, a missing answer 4008 REQUEST_TIMEOUT.
 *
 * <p>Where a request goes:
 * <ul>
 *   <li>a path that is itself a request topic ({@code …/oneM2M/req/<o>/<r>/<json|cbor>}): that topic, and the
 *       response is awaited on the matching {@code resp} topic;</li>
 *   <li>a NOTIFY to a URL with any other path (a {@code nu} such as {@code mqtt://host/some/topic}): that full topic;
 *       nobody answers on such a topic, so the result is 2000 once the broker acknowledged it;</li>
 *   <li>otherwise {@code <path>/oneM2M/req/<own-id>/<receiver>/<json|cbor>}, response awaited on
 *       {@code <path>/oneM2M/resp/<own-id>/+/#}. The receiver comes from {@code to}, see {@link #receiverOf}.</li>
 * </ul>
 * Requests to the node's own broker reuse the {@link MqttBindingServer}'s session (one client id per broker);
 * other brokers get their own session, opened on first use and kept.
 */
public final class MqttRemoteSender implements RemoteSender, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttRemoteSender.class);

    private final MqttBindingConfig config;
    private final MqttConnection sharedConnection;
    private final PrimitiveCodec codec = new PrimitiveCodec();
    private final Map<BrokerAddress, MqttRequestChannel> channels = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private MqttRemoteSender(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.sharedConnection = b.connection;
        if (sharedConnection != null) {
            channels.put(sharedConnection.config().broker(), newChannel(sharedConnection));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean supports(String pointOfAccess) {
        return MqttPointOfAccess.isMqtt(pointOfAccess);
    }

    @Override
    public Response send(String pointOfAccess, Request request) {
        try {
            return route(pointOfAccess, request);
        } catch (RuntimeException e) {
            LOG.error("MQTT sending {} to {} failed", request.requestId(), pointOfAccess, e);
            return Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "MQTT send failed: " + e)
                    .withRequestId(request.requestId());
        }
    }

    private Response route(String pointOfAccess, Request request) {
        if (closed) {
            return unreachable(request, "MQTT sender is closed");
        }
        MqttPointOfAccess poa;
        try {
            poa = MqttPointOfAccess.parse(pointOfAccess);
        } catch (IllegalArgumentException e) {
            return unreachable(request, "invalid point of access: " + e.getMessage());
        }
        MqttRequestChannel channel = channels.computeIfAbsent(poa.broker(), this::openChannel);
        Optional<OneM2MTopic> fullTopic = requestTopicIn(poa.path());
        if (fullTopic.isPresent()) {
            OneM2MTopic t = fullTopic.get();
            return channel.request(t.topic(), t.responseTopic().topic(), request,
                    t.serialization().orElse(config.serialization()));
        }
        if (request.operation() == Operation.NOTIFY && poa.hasPath()) {
            // A notification URI with a path names the full topic (TS-0010 6.6); nobody answers there.
            return channel.publishOnly(poa.path(), request, config.serialization());
        }
        String receiver;
        try {
            receiver = TopicIds.toTopicLevel(receiverOf(request));
        } catch (IllegalArgumentException e) {
            return Response.error(ResponseStatusCode.BAD_REQUEST, "cannot address " + request.to() + " over MQTT: "
                    + e.getMessage()).withRequestId(request.requestId());
        }
        String own = config.ownTopicLevel();
        String topic = OneM2MTopic.of(poa.path(), Kind.REQ, own, receiver, config.serialization()).topic();
        return channel.request(topic, OneM2MTopic.originatorFilter(poa.path(), Kind.RESP, own), request,
                config.serialization());
    }

    /** Closes the sessions this sender opened itself (not the shared one). */
    @Override
    public void close() {
        closed = true;
        channels.values().stream().map(MqttRequestChannel::connection).filter(c -> c != sharedConnection)
                .forEach(MqttConnection::close);
        channels.clear();
    }

    /**
     * The entity a request is published to. A NOTIFY goes to its target when {@code to} names an entity (an AE-ID such
     * as {@code CAE1}, {@code /id-in/CAE1}, {@code /SAE2}, or a CSE-ID); every other request, and a NOTIFY to a
     * resource path, goes to the CSE named in {@code to}.
     */
    static String receiverOf(Request request) {
        String to = request.to();
        boolean absolute = to.startsWith("//");
        String lead = absolute ? "//" : to.startsWith("/") ? "/" : "";
        String[] p = to.substring(lead.length()).split("/");
        if (lead.isEmpty()) {
            return p[0];
        }
        int cseLevels = absolute ? 2 : 1;
        if (p.length <= cseLevels) {
            return to;
        }
        String cse = lead + String.join("/", Arrays.copyOf(p, cseLevels));
        boolean aeId = p.length == cseLevels + 1 && !p[cseLevels].isEmpty()
                && (p[cseLevels].charAt(0) == 'C' || p[cseLevels].charAt(0) == 'S');
        return request.operation() == Operation.NOTIFY && aeId ? to : cse;
    }

    private static Optional<OneM2MTopic> requestTopicIn(String path) {
        int i = path.indexOf("/oneM2M/");
        if (i < 0) {
            return Optional.empty();
        }
        return OneM2MTopic.parse(path, path.substring(0, i)).filter(t -> t.kind() == Kind.REQ);
    }

    private MqttRequestChannel openChannel(BrokerAddress broker) {
        MqttConnection connection = new MqttConnection(config.connectionConfig().withBroker(broker));
        connection.start();
        LOG.debug("MQTT sender opened a session to {}", broker);
        return newChannel(connection);
    }

    private MqttRequestChannel newChannel(MqttConnection connection) {
        return new MqttRequestChannel(connection, codec, config.qos(), config.requestTimeout());
    }

    private static Response unreachable(Request request, String message) {
        return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, message).withRequestId(request.requestId());
    }

    /** Wires a {@link MqttRemoteSender}; {@code config} is required. */
    public static final class Builder {
        private MqttBindingConfig config;
        private MqttConnection connection;

        public Builder config(MqttBindingConfig v) { config = v; return this; }
        /** The node's session to its own broker, usually {@link MqttBindingServer#connection()}; not closed here. */
        public Builder connection(MqttConnection v) { connection = v; return this; }

        public MqttRemoteSender build() {
            return new MqttRemoteSender(this);
        }
    }
}
