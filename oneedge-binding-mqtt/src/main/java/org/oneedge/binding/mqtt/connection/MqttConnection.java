package org.oneedge.binding.mqtt.connection;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttTopic;
import com.hivemq.client.mqtt.datatypes.MqttTopicFilter;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 3.1.1 session to one broker (TS-0010 6.3), shared by everything a node does on that broker: the binding
 * server, the remote sender and the AE client must share it because the broker allows one connection per client id.
 * It reconnects with exponential backoff, keeps CleanSession false so the broker may resume the session, and
 * subscribes its filters again on every (re)connect so they survive a broker that lost its state.
 *
 * <pre>
 *   broker ──PUBLISH──▶ HiveMQ client ──▶ dispatch(topic) ──▶ handler of every matching filter
 *   publish(topic, payload, qos) ──▶ HiveMQ client ──▶ broker      (fails fast while disconnected)
 * </pre>
 */
public final class MqttConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);

    /** Receives a message published on a topic matching a subscription; must not block. */
    @FunctionalInterface
    public interface MessageHandler {
        void onMessage(String topic, byte[] payload);
    }

    private record Subscription(MqttTopicFilter filter, MqttQos qos, List<MessageHandler> handlers,
                                CompletableFuture<Void> firstAck) {
    }

    private final MqttConnectionConfig config;
    private final Mqtt3AsyncClient client;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicBoolean connectionLost = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();
    private volatile boolean closed;

    public MqttConnection(MqttConnectionConfig config) {
        this.config = config;
        Mqtt3ClientBuilder builder = MqttClient.builder()
                .useMqttVersion3()
                .identifier(config.clientId())
                .serverHost(config.broker().host())
                .serverPort(config.broker().port())
                .automaticReconnect()
                    .initialDelay(config.reconnectInitialDelay().toMillis(), TimeUnit.MILLISECONDS)
                    .maxDelay(config.reconnectMaxDelay().toMillis(), TimeUnit.MILLISECONDS)
                    .applyAutomaticReconnect()
                .addConnectedListener(ctx -> onConnected())
                .addDisconnectedListener(this::onDisconnected);
        if (config.broker().tls()) {
            builder = builder.sslWithDefaultConfig();
        }
        if (config.username() != null) {
            builder = builder.simpleAuth()
                    .username(config.username())
                    .password(config.password() == null ? new byte[0]
                            : config.password().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        this.client = builder.buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, this::dispatch);
    }

    public MqttConnectionConfig config() {
        return config;
    }

    /**
     * Connects, waiting up to {@code connectTimeout}; returns whether the connection is up. When the broker cannot
     * be reached the connection keeps retrying in the background.
     */
    public boolean start() {
        if (started.compareAndSet(false, true)) {
            client.connectWith()
                    .cleanSession(false)
                    .keepAlive((int) Math.max(1, config.keepAlive().toSeconds()))
                    .send()
                    .whenComplete((ack, error) -> {
                        if (error != null) {
                            LOG.debug("MQTT first connect to {} as {} failed: {}", config.broker(),
                                    config.clientId(), error.toString());
                        }
                    });
        }
        return awaitConnected(config.connectTimeout().toMillis());
    }

    /** Whether the session to the broker is up now. */
    public boolean isConnected() {
        return client.getState().isConnected();
    }

    /**
     * Subscribes {@code filter} now and after every reconnect; {@code handler} gets every message on a matching topic.
     * Several handlers may share a filter (e.g. a sender and an AE client waiting for responses on one session).
     * The future completes with the first SUBACK.
     */
    public CompletableFuture<Void> subscribe(String filter, int qos, MessageHandler handler) {
        Subscription s = subscriptions.computeIfAbsent(filter, f -> new Subscription(MqttTopicFilter.of(f),
                MqttQos.fromCode(qos), new CopyOnWriteArrayList<>(), new CompletableFuture<>()));
        s.handlers().add(handler);
        if (isConnected()) {
            sendSubscribe(s);
        }
        return s.firstAck();
    }

    /** Publishes without retain (TS-0010 6.3); fails fast with {@link NotConnectedException} while disconnected. */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos) {
        if (closed || !isConnected()) {
            return CompletableFuture.failedFuture(new NotConnectedException(config.broker() + " is not connected"));
        }
        return client.publishWith()
                .topic(topic)
                .qos(MqttQos.fromCode(qos))
                .retain(false)
                .payload(payload)
                .send()
                .thenApply(p -> null);
    }

    /** Disconnects and stops reconnecting; same as {@link #close()}. */
    public void stop() {
        close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (client.getState().isConnectedOrReconnect()) {
            try {
                client.disconnect().get(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("MQTT disconnect from {} did not complete cleanly: {}", config.broker(), e.toString());
            }
        }
    }

    private boolean awaitConnected(long timeoutMillis) {
        try {
            firstConnect.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("MQTT broker {} not reachable as {} within {}; retrying in the background", config.broker(),
                    config.clientId(), config.connectTimeout());
        }
        return isConnected();
    }

    private void onConnected() {
        connectionLost.set(false);
        firstConnect.complete(null);
        LOG.info("MQTT connected to {} as {}", config.broker(), config.clientId());
        subscriptions.values().forEach(this::sendSubscribe);
    }

    private void onDisconnected(MqttClientDisconnectedContext ctx) {
        if (closed || ctx.getSource() == MqttDisconnectSource.USER) {
            ctx.getReconnector().reconnect(false);
            LOG.info("MQTT disconnected from {} as {}", config.broker(), config.clientId());
        } else if (connectionLost.compareAndSet(false, true)) {
            LOG.warn("MQTT connection to {} as {} lost ({}); reconnecting with backoff", config.broker(),
                    config.clientId(), String.valueOf(ctx.getCause()));
        } else {
            LOG.debug("MQTT reconnect to {} attempt {} failed: {}", config.broker(),
                    ctx.getReconnector().getAttempts(), String.valueOf(ctx.getCause()));
        }
    }

    private void sendSubscribe(Subscription s) {
        client.subscribeWith()
                .topicFilter(s.filter())
                .qos(s.qos())
                .send()
                .whenComplete((ack, error) -> {
                    if (error != null) {
                        LOG.debug("MQTT subscribe {} on {} failed: {}", s.filter(), config.broker(), error.toString());
                    } else if (ack.getReturnCodes().stream().anyMatch(c -> c.isError())) {
                        LOG.warn("MQTT broker {} refused subscription {}", config.broker(), s.filter());
                    } else {
                        LOG.debug("MQTT subscribed {} on {}", s.filter(), config.broker());
                        s.firstAck().complete(null);
                    }
                });
    }

    private void dispatch(Mqtt3Publish publish) {
        MqttTopic topic = publish.getTopic();
        byte[] payload = publish.getPayloadAsBytes();
        for (Subscription s : subscriptions.values()) {
            if (s.filter().matches(topic)) {
                for (MessageHandler handler : s.handlers()) {
                    try {
                        handler.onMessage(topic.toString(), payload);
                    } catch (RuntimeException e) {
                        LOG.error("MQTT handler for {} failed on {}", s.filter(), topic, e);
                    }
                }
            }
        }
    }

    /** Thrown (inside a failed future) when publishing while the broker is not connected. */
    public static final class NotConnectedException extends RuntimeException {
        public NotConnectedException(String message) {
            super(message);
        }
    }
}
