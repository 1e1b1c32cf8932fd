package org.oneedge.binding.mqtt;

import java.time.Duration;
import java.util.Set;
import org.oneedge.binding.mqtt.connection.BrokerAddress;
import org.oneedge.binding.mqtt.connection.MqttConnectionConfig;
import org.oneedge.binding.mqtt.primitive.Serialization;
import org.oneedge.binding.mqtt.topic.TopicIds;

/**
 * Configuration of a CSE's MQTT binding (TS-0010): the {@link MqttBindingServer} and the {@link MqttRemoteSender}.
 * Build it with {@link #builder()}; every value but the broker URL and CSE-ID has a default.
 *
 * @param brokerUrl             {@code tcp://host:port} of the broker (default {@code tcp://127.0.0.1:1883})
 * @param cseId                 the SP-relative CSE-ID this node receives requests for, e.g. {@code /id-in}
 *                              (an AE receiving notifications puts its AE-ID here)
 * @param clientId              MQTT client id, default {@code C::<cseId without leading />}
 * @param topicPrefix           prepended to every topic, default {@code ""} (so topics start with {@code /oneM2M/})
 * @param qos                   0 or 1, default 1; TS-0010 advises against QoS 2
 * @param serialization         how the sender encodes requests, default JSON
 * @param requestTimeout        how long the sender waits for a response, default 10s (then 4008)
 * @param connectTimeout        how long start() waits for the broker, default 5s (then it keeps retrying)
 * @param keepAlive             MQTT keep-alive, default 30s
 * @param reconnectInitialDelay first reconnect delay, default 200ms, doubling per attempt
 * @param reconnectMaxDelay     longest reconnect delay, default 10s
 * @param allowedCredentialIds  Credential-IDs accepted on {@code reg_req}; empty (default) accepts any
 * @param username              broker user name, default none
 * @param password              broker password, default none
 */
public record MqttBindingConfig(
        String brokerUrl,
        String cseId,
        String clientId,
        String topicPrefix,
        int qos,
        Serialization serialization,
        Duration requestTimeout,
        Duration connectTimeout,
        Duration keepAlive,
        Duration reconnectInitialDelay,
        Duration reconnectMaxDelay,
        Set<String> allowedCredentialIds,
        String username,
        String password) {

    public static final String DEFAULT_BROKER_URL = "tcp://127.0.0.1:1883";

    /** How long a requester waits for a response before answering 4008, shared with {@link MqttCseClientConfig}. */
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public MqttBindingConfig {
        BrokerAddress.parse(brokerUrl);
        if (cseId == null || cseId.isBlank()) {
            throw new IllegalArgumentException("cseId is mandatory");
        }
        TopicIds.toTopicLevel(cseId);
        clientId = clientId == null || clientId.isBlank() ? "C::" + cseId.replaceFirst("^/+", "") : clientId;
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        checkQos(qos);
        serialization = serialization == null ? Serialization.JSON : serialization;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        allowedCredentialIds = allowedCredentialIds == null ? Set.of() : Set.copyOf(allowedCredentialIds);
    }

    /** TS-0010 allows QoS 0 and 1 and advises against 2; shared with {@link MqttCseClientConfig}. */
    static void checkQos(int qos) {
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("qos must be 0 or 1 (TS-0010 advises against 2), got " + qos);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().brokerUrl(brokerUrl).cseId(cseId).clientId(clientId).topicPrefix(topicPrefix).qos(qos)
                .serialization(serialization).requestTimeout(requestTimeout).connectTimeout(connectTimeout)
                .keepAlive(keepAlive).reconnectInitialDelay(reconnectInitialDelay)
                .reconnectMaxDelay(reconnectMaxDelay).allowedCredentialIds(allowedCredentialIds)
                .username(username).password(password);
    }

    /** The topic level of this node's own id ({@code /id-in} → {@code id-in}). */
    public String ownTopicLevel() {
        return TopicIds.toTopicLevel(cseId);
    }

    /** The MQTT session settings for the configured broker. */
    public MqttConnectionConfig connectionConfig() {
        return new MqttConnectionConfig(BrokerAddress.parse(brokerUrl), clientId, username, password, keepAlive,
                connectTimeout, reconnectInitialDelay, reconnectMaxDelay);
    }

    /** Builds a {@link MqttBindingConfig}; unset values take the documented defaults. */
    public static final class Builder {
        private String brokerUrl = DEFAULT_BROKER_URL;
        private String cseId = "/id-in";
        private String clientId;
        private String topicPrefix = "";
        private int qos = 1;
        private Serialization serialization = Serialization.JSON;
        private Duration requestTimeout;
        private Duration connectTimeout;
        private Duration keepAlive;
        private Duration reconnectInitialDelay;
        private Duration reconnectMaxDelay;
        private Set<String> allowedCredentialIds = Set.of();
        private String username;
        private String password;

        public Builder brokerUrl(String v) { brokerUrl = v; return this; }
        public Builder cseId(String v) { cseId = v; return this; }
        public Builder clientId(String v) { clientId = v; return this; }
        public Builder topicPrefix(String v) { topicPrefix = v; return this; }
        public Builder qos(int v) { qos = v; return this; }
        public Builder serialization(Serialization v) { serialization = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder keepAlive(Duration v) { keepAlive = v; return this; }
        public Builder reconnectInitialDelay(Duration v) { reconnectInitialDelay = v; return this; }
        public Builder reconnectMaxDelay(Duration v) { reconnectMaxDelay = v; return this; }
        public Builder allowedCredentialIds(Set<String> v) { allowedCredentialIds = v; return this; }
        public Builder username(String v) { username = v; return this; }
        public Builder password(String v) { password = v; return this; }

        public MqttBindingConfig build() {
            return new MqttBindingConfig(brokerUrl, cseId, clientId, topicPrefix, qos, serialization, requestTimeout,
                    connectTimeout, keepAlive, reconnectInitialDelay, reconnectMaxDelay, allowedCredentialIds,
                    username, password);
        }
    }
}
