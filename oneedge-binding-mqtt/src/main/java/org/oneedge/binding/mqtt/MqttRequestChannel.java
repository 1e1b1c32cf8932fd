package org.oneedge.binding.mqtt;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.oneedge.binding.mqtt.connection.MqttConnection;
import org.oneedge.binding.mqtt.primitive.MalformedPrimitiveException;
import org.oneedge.binding.mqtt.primitive.PrimitiveCodec;
import org.oneedge.binding.mqtt.primitive.Serialization;
import org.oneedge.binding.mqtt.topic.OneM2MTopic;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The originator side of one MQTT session (TS-0010 6.4): publishes a request primitive and waits for the response
 * primitive with the same {@code rqi} on a response filter it subscribed to. Never throws: no session gives 5103
 * TARGET_NOT_REACHABLE, no answer in time gives 4008 REQUEST_TIMEOUT.
 */
final class MqttRequestChannel {
    private static final Logger LOG = LoggerFactory.getLogger(MqttRequestChannel.class);
    private static final int NO_RESPONSE = 5;

    private final MqttConnection connection;
    private final PrimitiveCodec codec;
    private final int qos;
    private final Duration timeout;
    private final Map<String, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();
    /** Response filters subscribed on the session, each with its first SUBACK; the handler is registered once. */
    private final Map<String, CompletableFuture<Void>> responseSubscriptions = new ConcurrentHashMap<>();

    MqttRequestChannel(MqttConnection connection, PrimitiveCodec codec, int qos, Duration timeout) {
        this.connection = connection;
        this.codec = codec;
        this.qos = qos;
        this.timeout = timeout;
    }

    MqttConnection connection() {
        return connection;
    }

    /** Publishes {@code request} on {@code requestTopic} and returns the response arriving on {@code responseFilter}. */
    Response request(String requestTopic, String responseFilter, Request request, Serialization serialization) {
        Request r = request.requestId() == null ? request.toBuilder().requestId(newRequestId()).build() : request;
        byte[] payload;
        try {
            payload = codec.encodeRequest(r, serialization);
        } catch (RuntimeException e) {
            return Response.error(ResponseStatusCode.BAD_REQUEST, "cannot encode request: " + e.getMessage())
                    .withRequestId(r.requestId());
        }
        if (!connection.isConnected()) {
            return unreachable(requestTopic, r, new MqttConnection.NotConnectedException("not connected"));
        }
        if (r.responseType() != null && r.responseType() == NO_RESPONSE) {
            return publishOnly(requestTopic, payload, r);
        }
        Response notSubscribed = ensureSubscribed(responseFilter);
        if (notSubscribed != null) {
            return notSubscribed.withRequestId(r.requestId());
        }
        CompletableFuture<Response> answer = new CompletableFuture<>();
        if (pending.putIfAbsent(r.requestId(), answer) != null) {
            return Response.error(ResponseStatusCode.CONFLICT, "a request with rqi " + r.requestId()
                    + " is already waiting for its response").withRequestId(r.requestId());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            connection.publish(requestTopic, payload, qos).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            LOG.debug("MQTT request {} op {} to {} published on {}", r.requestId(), r.operation(), r.to(),
                    requestTopic);
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Response.error(ResponseStatusCode.REQUEST_TIMEOUT, "no response to " + r.requestId() + " on "
                    + requestTopic + " within " + timeout).withRequestId(r.requestId());
        } catch (ExecutionException e) {
            return unreachable(requestTopic, r, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.error(ResponseStatusCode.REQUEST_TIMEOUT, "interrupted while waiting")
                    .withRequestId(r.requestId());
        } finally {
            pending.remove(r.requestId(), answer);
        }
    }

    /** Publishes a request on a topic nobody answers (a bare notification topic, or rt=5); 2000/1000 once the broker has it. */
    Response publishOnly(String topic, Request request, Serialization serialization) {
        Request r = request.requestId() == null ? request.toBuilder().requestId(newRequestId()).build() : request;
        try {
            return publishOnly(topic, codec.encodeRequest(r, serialization), r);
        } catch (RuntimeException e) {
            return Response.error(ResponseStatusCode.BAD_REQUEST, "cannot encode request: " + e.getMessage())
                    .withRequestId(r.requestId());
        }
    }

    private Response publishOnly(String topic, byte[] payload, Request r) {
        try {
            connection.publish(topic, payload, qos).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            ResponseStatusCode rsc = r.responseType() != null && r.responseType() == NO_RESPONSE
                    ? ResponseStatusCode.ACCEPTED : ResponseStatusCode.OK;
            return Response.of(rsc, null).withRequestId(r.requestId());
        } catch (TimeoutException e) {
            return Response.error(ResponseStatusCode.REQUEST_TIMEOUT, "broker did not acknowledge " + topic)
                    .withRequestId(r.requestId());
        } catch (ExecutionException e) {
            return unreachable(topic, r, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.error(ResponseStatusCode.REQUEST_TIMEOUT, "interrupted while publishing")
                    .withRequestId(r.requestId());
        }
    }

    private Response ensureSubscribed(String filter) {
        CompletableFuture<Void> ack = responseSubscriptions.computeIfAbsent(filter,
                f -> connection.subscribe(f, qos, this::onResponse));
        try {
            ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException | ExecutionException e) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "cannot subscribe to responses on "
                    + connection.config().broker() + ": " + (connection.isConnected() ? e : "not connected"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "interrupted while subscribing");
        }
    }

    private void onResponse(String topicName, byte[] payload) {
        OneM2MTopic topic = OneM2MTopic.parse(topicName, "").or(() -> parseWithAnyPrefix(topicName)).orElse(null);
        Serialization serialization = topic == null ? Serialization.JSON
                : topic.serialization().orElse(Serialization.JSON);
        Response response;
        try {
            response = codec.decodeResponse(payload, serialization);
        } catch (MalformedPrimitiveException e) {
            LOG.debug("MQTT malformed response on {}: {}", topicName, e.getMessage());
            if (e.requestId() == null) {
                return;
            }
            response = Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR,
                    "malformed response from peer: " + e.getMessage()).withRequestId(e.requestId());
        }
        CompletableFuture<Response> waiting = response.requestId() == null ? null : pending.get(response.requestId());
        if (waiting == null) {
            LOG.debug("MQTT response {} on {} matches no pending request", response.requestId(), topicName);
            return;
        }
        waiting.complete(response);
    }

    private static Optional<OneM2MTopic> parseWithAnyPrefix(String topicName) {
        int i = topicName.indexOf("/oneM2M/");
        return i <= 0 ? Optional.empty() : OneM2MTopic.parse(topicName, topicName.substring(0, i));
    }

    private Response unreachable(String topic, Request r, Throwable cause) {
        return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, "cannot publish on " + topic + " via "
                + connection.config().broker() + ": " + (cause == null ? "unknown" : cause.getMessage()))
                .withRequestId(r.requestId());
    }

    private static String newRequestId() {
        return "mqtt-" + UUID.randomUUID();
    }
}
