package org.oneedge.binding.mqtt.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import org.junit.jupiter.api.Test;
import org.oneedge.binding.mqtt.connection.BrokerAddress;
import org.oneedge.binding.mqtt.connection.MqttConnection;
import org.oneedge.binding.mqtt.connection.MqttConnectionConfig;

class EmbeddedMqttBrokerIT {

    @Test
    void picks_a_free_port_relays_messages_and_leaves_no_files_behind() throws Exception {
        Set<String> workingDirBefore = listing(Path.of("").toAbsolutePath());
        Set<String> tempBefore = moquetteTempDirs();
        CopyOnWriteArrayList<String> received = new CopyOnWriteArrayList<>();

        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(EmbeddedMqttBrokerConfig.onFreePort());
             MqttConnection client = new MqttConnection(new MqttConnectionConfig(BrokerAddress.parse(broker.url()),
                     "probe", null, null, null, null, null, null))) {
            assertThat(broker.port()).isPositive();
            assertThat(broker.pointOfAccess()).isEqualTo("mqtt://127.0.0.1:" + broker.port());
            assertThat(client.start()).isTrue();
            client.subscribe("/probe/#", 1, (t, p) -> received.add(t)).get(5, TimeUnit.SECONDS);
            client.publish("/probe/x", new byte[] {1}, 1).get(5, TimeUnit.SECONDS);
            org.awaitility.Awaitility.await().until(() -> received.contains("/probe/x"));
        }

        assertThat(listing(Path.of("").toAbsolutePath())).isEqualTo(workingDirBefore);
        assertThat(moquetteTempDirs()).isSubsetOf(tempBefore);
    }

    @Test
    void accepts_a_client_without_client_id_as_mosquitto_pub_connects() throws Exception {
        try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(EmbeddedMqttBrokerConfig.onFreePort())) {
            Mqtt3BlockingClient anonymous = MqttClient.builder().useMqttVersion3().identifier("")
                    .serverHost("127.0.0.1").serverPort(broker.port()).buildBlocking();
            assertThat(anonymous.connectWith().cleanSession(true).send().getReturnCode())
                    .isEqualTo(Mqtt3ConnAckReturnCode.SUCCESS);
            anonymous.disconnect();
        }
    }

    @Test
    void refuses_a_port_that_is_taken() throws Exception {
        try (EmbeddedMqttBroker first = EmbeddedMqttBroker.start(EmbeddedMqttBrokerConfig.onFreePort())) {
            EmbeddedMqttBroker second = new EmbeddedMqttBroker(EmbeddedMqttBrokerConfig.onFreePort()
                    .withPort(first.port()));
            assertThatThrownBy(second::start).hasMessageContaining(String.valueOf(first.port()));
        }
    }

    private static Set<String> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> moquetteTempDirs() {
        File[] dirs = new File(System.getProperty("java.io.tmpdir")).listFiles(f -> f.getName().startsWith("oneedge-moquette-"));
        return dirs == null ? Set.of() : Stream.of(dirs).map(File::getName).collect(Collectors.toSet());
    }
}
