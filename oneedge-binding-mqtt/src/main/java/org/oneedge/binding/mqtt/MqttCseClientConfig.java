package org.oneedge.binding.mqtt;

import java.time.Duration;
import org.oneedge.binding.mqtt.connection.BrokerAddress;
import org.oneedge.binding.mqtt.connection.MqttConnectionConfig;
import org.oneedge.binding.mqtt.primitive.Serialization;
import org.oneedge.binding.mqtt.topic.TopicIds;

/**
 * Configuration of an AE's (or device's) {@link MqttCseClient}: which broker, which registrar CSE and under which
 * Credential-ID it registers (TS-0010 6.5). Build it with {@link #builder()}.
 *
 * @param brokerUrl             {@code tcp://host:port} (default {@code tcp://127.0.0.1:1883})
 * @param cseId                 SP-relative CSE-ID of the registrar CSE, default {@code /id-in}
 * @param clientId              MQTT client id, {@code A::<AE-ID>} or any unique id before registration; mandatory
 * @param credentialId          Credential-ID used on {@code reg_req}, default the client id with {@code :} for {@code /}
 * @param topicPrefix           prepended to every topic, default {@code ""}
 * @param qos                   0 or 1, default 1
 * @param serialization         JSON (default) or CBOR
 * @param requestTimeout        how long to wait for a response, default 10s (then 4008)
 * @param connectTimeout        how long start() waits for the broker, default 5s
 * @param keepAlive             MQTT keep-alive, default 30s
 * @param reconnectInitialDelay first reconnect delay, default 200ms, doubling per attempt
 * @param reconnectMaxDelay     longest reconnect delay, default 10s
 * @param username              broker user name, default none
 * @param password              broker password, default none
 */
public record MqttCseClientConfig(
        String brokerUrl,
        String cseId,
        String clientId,
        String credentialId,
        String topicPrefix,
        int qos,
        Serialization serialization,
        Duration requestTimeout,
        Duration connectTimeout,
        Duration keepAlive,
        Duration reconnectInitialDelay,
        Duration reconnectMaxDelay,
        String username,
        String password) {

    public MqttCseClientConfig {
        BrokerAddress.parse(brokerUrl);
        TopicIds.toTopicLevel(cseId);
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is mandatory (A::<AE-ID>, or any unique id before registration)");
        }
        credentialId = credentialId == null || credentialId.isBlank() ? clientId.replace('/', ':') : credentialId;
        TopicIds.toTopicLevel(credentialId);
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        MqttBindingConfig.checkQos(qos);
        serialization = serialization == null ? Serialization.JSON : serialization;
        requestTimeout = requestTimeout == null ? MqttBindingConfig.DEFAULT_REQUEST_TIMEOUT : requestTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public MqttConnectionConfig connectionConfig() {
        return new MqttConnectionConfig(BrokerAddress.parse(brokerUrl), clientId, username, password, keepAlive,
                connectTimeout, reconnectInitialDelay, reconnectMaxDelay);
    }

    /** Builds a {@link MqttCseClientConfig}; unset values take the documented defaults. */
    public static final class Builder {
        private String brokerUrl = MqttBindingConfig.DEFAULT_BROKER_URL;
        private String cseId = "/id-in";
        private String clientId;
        private String credentialId;
        private String topicPrefix = "";
        private int qos = 1;
        private Serialization serialization = Serialization.JSON;
        private Duration requestTimeout;
        private Duration connectTimeout;
        private Duration keepAlive;
        private Duration reconnectInitialDelay;
        private Duration reconnectMaxDelay;
        private String username;
        private String password;

        public Builder brokerUrl(String v) { brokerUrl = v; return this; }
        public Builder cseId(String v) { cseId = v; return this; }
        public Builder clientId(String v) { clientId = v; return this; }
        public Builder credentialId(String v) { credentialId = v; return this; }
        public Builder topicPrefix(String v) { topicPrefix = v; return this; }
        public Builder qos(int v) { qos = v; return this; }
        public Builder serialization(Serialization v) { serialization = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder keepAlive(Duration v) { keepAlive = v; return this; }
        public Builder reconnectInitialDelay(Duration v) { reconnectInitialDelay = v; return this; }
        public Builder reconnectMaxDelay(Duration v) { reconnectMaxDelay = v; return this; }
        public Builder username(String v) { username = v; return this; }
        public Builder password(String v) { password = v; return this; }

        public MqttCseClientConfig build() {
            return new MqttCseClientConfig(brokerUrl, cseId, clientId, credentialId, topicPrefix, qos, serialization,
                    requestTimeout, connectTimeout, keepAlive, reconnectInitialDelay, reconnectMaxDelay, username,
                    password);
        }
    }
}
