package org.oneedge.interworking.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.binding.mqtt.connection.BrokerAddress;
import org.oneedge.binding.mqtt.connection.MqttConnection;
import org.oneedge.binding.mqtt.connection.MqttConnectionConfig;
import org.oneedge.client.OneM2MClient;
import org.oneedge.client.RemoteResource;
import org.oneedge.interworking.CseTestbed;
import org.oneedge.interworking.thirdparty.mqtt.MqttJsonDevices;
import org.oneedge.interworking.thirdparty.mqtt.MqttJsonDevicesConfig;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/**
 * The 3rd-party IPE with MQTT-JSON devices through a real broker (each subclass supplies one) and a real CSE over
 * HTTP: devices publish as {@code mosquitto_pub} would, an application reads and commands with oneM2M requests.
 * Topic prefix and client ids are unique per test, so tests never see each other's messages on a shared broker.
 */
abstract class MqttJsonDevicesContract {
    private static final ObjectMapper JSON = new ObjectMapper();

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String prefix = "oneedge-" + run + "/dev";
    CseTestbed cse;
    ThirdPartyIpe ipe;
    OneM2MClient app;
    MqttConnection device;
    final LinkedBlockingQueue<String> commands = new LinkedBlockingQueue<>();

    abstract String brokerUrl();

    @BeforeEach
    void givenACseTheIpeAndADevice() throws Exception {
        String broker = brokerUrl();
        cse = CseTestbed.start();
        app = OneM2MClient.builder(cse.client()).cseBase(CseTestbed.CSE_BASE).originator("CAdmin").build();
        ipe = startIpe();
        device = new MqttConnection(new MqttConnectionConfig(BrokerAddress.parse(broker), "device-" + run, null,
                null, null, Duration.ofSeconds(5), null, null));
        var subscribed = device.subscribe(prefix + "/d1/cmd", 1,
                (topic, payload) -> commands.add(new String(payload, StandardCharsets.UTF_8)));
        assertThat(device.start()).isTrue();
        subscribed.get(5, TimeUnit.SECONDS);
    }

    private ThirdPartyIpe startIpe() {
        return new ThirdPartyIpe(cse.client(), ThirdPartyIpeConfig.builder().cseBaseName(CseTestbed.CSE_BASE)
                .applicationOriginators(List.of("Capp*")).build(),
                new MqttJsonDevices(MqttJsonDevicesConfig.builder().brokerUrl(brokerUrl()).topicPrefix(prefix)
                        .clientId("ipe-" + run).build())).start();
    }

    @AfterEach
    void tearDown() {
        if (device != null) {
            device.close();
        }
        if (ipe != null) {
            ipe.close();
        }
        if (cse != null) {
            cse.close();
        }
    }

    void publish(String deviceId, String payload) throws Exception {
        device.publish(prefix + "/" + deviceId + "/telemetry", payload.getBytes(StandardCharsets.UTF_8), 1)
                .get(5, TimeUnit.SECONDS);
    }

    private RemoteResource latestReading(String deviceId) {
        return app.latest(ipe.aePath(deviceId) + "/telemetry");
    }

    private int readings(String deviceId) {
        return app.retrieve(ipe.aePath(deviceId) + "/telemetry").get("cni").asInt();
    }

    private void awaitReadings(String deviceId, int count) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .untilAsserted(() -> assertThat(readings(deviceId)).isEqualTo(count));
    }

    private JsonNode awaitCommand() throws InterruptedException {
        String command = commands.poll(10, TimeUnit.SECONDS);
        assertThat(command).as("a command reached the device").isNotNull();
        try {
            return JSON.readTree(command);
        } catch (Exception e) {
            throw new AssertionError("command is not JSON: " + command, e);
        }
    }

    @Test
    void a_device_that_publishes_appears_as_an_ae_with_its_reading_stored() throws Exception {
        publish("d1", "{\"temperature\":21.5,\"humidity\":40}");

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .untilAsserted(() -> assertThat(latestReading("d1").get("con").path("temperature").asDouble())
                        .isEqualTo(21.5));
        RemoteResource ae = app.retrieve(ipe.aePath("d1"));
        assertThat(ae.text("aei")).isEqualTo("Cdev-d1").isEqualTo(ipe.aeId("d1"));
        assertThat(ae.get("lbl")).extracting(JsonNode::asText)
                .contains("Iwked-Technology:MQTT-JSON", "Iwked-Entity-ID:d1");
        assertThat(latestReading("d1").get("con").path("humidity").asInt()).isEqualTo(40);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            RemoteResource flex = app.retrieve(ipe.aePath("d1") + "/temperature");
            assertThat(flex.rootKey()).isEqualTo("cod:tempe");
            assertThat(flex.get("curT0").asDouble()).isEqualTo(21.5);
        });
    }

    @Test
    void readings_update_the_flexContainer_and_grow_the_history() throws Exception {
        publish("d1", "{\"temperature\":20}");
        publish("d1", "{\"temperature\":22.25}");

        awaitReadings("d1", 2);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(app.retrieve(ipe.aePath("d1") + "/temperature").get("curT0").asDouble()).isEqualTo(22.25));
    }

    @Test
    void malformed_payloads_are_skipped_and_change_nothing() throws Exception {
        publish("d1", "{\"temperature\":20}");
        awaitReadings("d1", 1);

        for (String bad : List.of("not json", "[1,2]", "{}", "{\"temperature\":", "42")) {
            publish("d1", bad);
            publish("bad", bad);
        }
        publish("d1", "{\"temperature\":23}");

        awaitReadings("d1", 2);
        assertThat(latestReading("d1").get("con").path("temperature").asInt()).isEqualTo(23);
        assertThat(app.send(Request.builder().operation(Operation.RETRIEVE).to(ipe.aePath("bad"))).statusCode())
                .isEqualTo(ResponseStatusCode.NOT_FOUND);
    }

    @Test
    void a_contentInstance_added_to_the_command_container_is_sent_to_the_device() throws Exception {
        publish("d1", "{\"temperature\":20}");
        awaitReadings("d1", 1);

        app.createContentInstance(ipe.aePath("d1") + "/cmd", JSON.readTree("{\"power\":\"off\"}"));

        assertThat(awaitCommand().path("power").asText()).isEqualTo("off");
    }

    @Test
    void an_update_of_the_target_temperature_is_sent_to_the_device_but_readings_are_not() throws Exception {
        publish("d1", "{\"temperature\":20}");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(
                app.discover(ipe.aePath("d1") + "/temperature", ResourceType.SUBSCRIPTION)).hasSize(1));

        var update = JsonNodeFactory.instance.objectNode();
        update.putObject("cod:tempe").put("tarTe", 23.5);
        assertThat(app.send(Request.builder().operation(Operation.UPDATE).to(ipe.aePath("d1") + "/temperature")
                .content(update)).statusCode()).isEqualTo(ResponseStatusCode.UPDATED);
        JsonNode command = awaitCommand();
        publish("d1", "{\"temperature\":21}");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(app.retrieve(ipe.aePath("d1") + "/temperature").get("curT0").asInt()).isEqualTo(21));

        assertThat(command.path("targetTemperature").asDouble()).isEqualTo(23.5);
        assertThat(command.size()).isEqualTo(1);
        assertThat(commands.poll(300, TimeUnit.MILLISECONDS)).as("a reading is no command").isNull();
    }

    @Test
    void resources_deleted_behind_the_ipes_back_are_created_again() throws Exception {
        publish("d1", "{\"temperature\":20}");
        awaitReadings("d1", 1);

        app.delete(ipe.aePath("d1"));
        publish("d1", "{\"temperature\":24}");

        awaitReadings("d1", 1);
        assertThat(latestReading("d1").get("con").path("temperature").asInt()).isEqualTo(24);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(app.retrieve(ipe.aePath("d1") + "/temperature").get("curT0").asInt()).isEqualTo(24));
    }

    @Test
    void a_restarted_ipe_finds_its_resources_and_still_delivers_commands() throws Exception {
        publish("d1", "{\"temperature\":20}");
        awaitReadings("d1", 1);

        ipe.close();
        ipe = startIpe();
        publish("d1", "{\"temperature\":21}");
        awaitReadings("d1", 2);
        app.createContentInstance(ipe.aePath("d1") + "/cmd", JSON.readTree("{\"reboot\":true}"));

        assertThat(awaitCommand().path("reboot").asBoolean()).isTrue();
        assertThat(app.discover(CseTestbed.CSE_BASE, ResourceType.AE)).hasSize(1);
        assertThat(app.discover(ipe.aePath("d1") + "/cmd", ResourceType.SUBSCRIPTION)).hasSize(1);
    }

    @Test
    void a_restarted_ipe_delivers_commands_before_the_device_publishes_again() throws Exception {
        publish("d1", "{\"temperature\":20}");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(
                app.discover(ipe.aePath("d1") + "/temperature", ResourceType.SUBSCRIPTION)).hasSize(1));

        ipe.close();
        ipe = startIpe();
        app.createContentInstance(ipe.aePath("d1") + "/cmd", JSON.readTree("{\"reboot\":true}"));
        assertThat(awaitCommand().path("reboot").asBoolean()).isTrue();
        var update = JsonNodeFactory.instance.objectNode();
        update.putObject("cod:tempe").put("tarTe", 22);
        assertThat(app.send(Request.builder().operation(Operation.UPDATE).to(ipe.aePath("d1") + "/temperature")
                .content(update)).statusCode()).isEqualTo(ResponseStatusCode.UPDATED);

        assertThat(awaitCommand().path("targetTemperature").asInt()).isEqualTo(22);
        assertThat(readings("d1")).as("no reading since the restart").isEqualTo(1);
        assertThat(app.discover(ipe.aePath("d1") + "/temperature", ResourceType.SUBSCRIPTION)).hasSize(1);
    }

    @Test
    void applications_granted_by_the_ipe_read_and_command_devices_others_are_refused() throws Exception {
        publish("d1", "{\"temperature\":20}");
        awaitReadings("d1", 1);
        OneM2MClient granted = OneM2MClient.builder(cse.client()).cseBase(CseTestbed.CSE_BASE)
                .originator("Capp-" + run).build();
        granted.registerAe("app-" + run, "Napp", false, List.of());
        OneM2MClient other = OneM2MClient.builder(cse.client()).cseBase(CseTestbed.CSE_BASE)
                .originator("Cother-" + run).build();
        other.registerAe("other-" + run, "Nother", false, List.of());

        assertThat(granted.latest(ipe.aePath("d1") + "/telemetry").get("con").path("temperature").asInt())
                .isEqualTo(20);
        granted.createContentInstance(ipe.aePath("d1") + "/cmd", JSON.readTree("{\"led\":1}"));

        assertThat(awaitCommand().path("led").asInt()).isEqualTo(1);
        assertThat(other.send(Request.builder().operation(Operation.RETRIEVE).to(ipe.aePath("d1") + "/telemetry"))
                .statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
    }
}
