package org.oneedge.binding.mqtt.connection;

import java.time.Duration;

/**
 * How one MQTT session to one broker is set up (TS-0010 6.3: client id {@code C::<CSE-ID>} or {@code A::<AE-ID>},
 * CleanSession false, no Will).
 *
 * @param broker                the broker
 * @param clientId              the MQTT client identifier, unique at the broker
 * @param username              user name for brokers that require one, or null
 * @param password              password, or null
 * @param keepAlive             MQTT keep-alive interval, e.g. 30s
 * @param connectTimeout        how long {@link MqttConnection#start()} waits for the first CONNACK, e.g. 5s
 * @param reconnectInitialDelay first reconnect delay; doubles up to {@code reconnectMaxDelay}, e.g. 200ms
 * @param reconnectMaxDelay     longest reconnect delay, e.g. 10s
 */
public record MqttConnectionConfig(
        BrokerAddress broker,
        String clientId,
        String username,
        String password,
        Duration keepAlive,
        Duration connectTimeout,
        Duration reconnectInitialDelay,
        Duration reconnectMaxDelay) {

    public MqttConnectionConfig {
        if (broker == null) {
            throw new IllegalArgumentException("broker is mandatory");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is mandatory");
        }
        keepAlive = keepAlive == null ? Duration.ofSeconds(30) : keepAlive;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        reconnectInitialDelay = reconnectInitialDelay == null ? Duration.ofMillis(200) : reconnectInitialDelay;
        reconnectMaxDelay = reconnectMaxDelay == null ? Duration.ofSeconds(10) : reconnectMaxDelay;
        if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
            throw new IllegalArgumentException("reconnectMaxDelay must not be shorter than reconnectInitialDelay");
        }
    }

    /** The same session settings towards another broker (a peer's point of access). */
    public MqttConnectionConfig withBroker(BrokerAddress other) {
        return new MqttConnectionConfig(other, clientId, username, password, keepAlive, connectTimeout,
                reconnectInitialDelay, reconnectMaxDelay);
    }
}
