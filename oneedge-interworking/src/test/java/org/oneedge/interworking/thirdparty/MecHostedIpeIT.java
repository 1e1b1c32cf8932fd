package org.oneedge.interworking.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.binding.mqtt.broker.EmbeddedMqttBroker;
import org.oneedge.binding.mqtt.broker.EmbeddedMqttBrokerConfig;
import org.oneedge.binding.mqtt.connection.BrokerAddress;
import org.oneedge.binding.mqtt.connection.MqttConnection;
import org.oneedge.binding.mqtt.connection.MqttConnectionConfig;
import org.oneedge.client.OneM2MClient;
import org.oneedge.interworking.CseTestbed;
import org.oneedge.interworking.MecTestbed;
import org.oneedge.interworking.mecapp.MecAppRegistration;
import org.oneedge.interworking.mecapp.MecAppRegistrationConfig;
import org.oneedge.interworking.thirdparty.mqtt.MqttJsonDevices;
import org.oneedge.interworking.thirdparty.mqtt.MqttJsonDevicesConfig;
import org.oneedge.mec.api.appsupport.OperationActionType;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.iot.DeviceInfo;
import org.oneedge.mec.api.iot.MecIotClient;

/** The MQTT-JSON device IPE run as a MEC application: MEC 011 life cycle and MEC 033 device registration. */
class MecHostedIpeIT {

    private MecTestbed mec;
    private CseTestbed cse;
    private EmbeddedMqttBroker broker;
    private MecHostedIpe hosted;
    private MqttConnection device;

    @BeforeEach
    void givenMecACseABrokerAndTheIpeAsMecApplication() {
        mec = MecTestbed.start();
        cse = CseTestbed.start();
        broker = EmbeddedMqttBroker.start(EmbeddedMqttBrokerConfig.onFreePort());
        ThirdPartyIpe ipe = new ThirdPartyIpe(cse.client(), ThirdPartyIpeConfig.builder()
                .cseBaseName(CseTestbed.CSE_BASE).build(),
                new MqttJsonDevices(MqttJsonDevicesConfig.builder().brokerUrl(broker.url()).build()));
        hosted = MecHostedIpe.start(MecAppRegistrationConfig.builder().platformUrl(mec.hostUrl("mec-host-a"))
                .appName("oneM2M-IPE-MQTT-JSON").cseId(CseTestbed.CSE_ID).cseBaseName(CseTestbed.CSE_BASE)
                .httpPointOfAccess(cse.baseUrl()).mqttPointOfAccess(broker.url().replace("tcp://", "mqtt://"))
                .offerAsMecService(false).build(), ipe);
        device = new MqttConnection(new MqttConnectionConfig(BrokerAddress.parse(broker.url()), "device-m1", null,
                null, null, Duration.ofSeconds(5), null, null));
        assertThat(device.start()).isTrue();
    }

    @AfterEach
    void tearDown() {
        device.close();
        hosted.close();
        broker.close();
        cse.close();
        mec.close();
    }

    private void publish(String json) throws Exception {
        device.publish("oneedge/dev/m1/telemetry", json.getBytes(StandardCharsets.UTF_8), 1).get(5, TimeUnit.SECONDS);
    }

    @Test
    void runs_as_mec_application_and_registers_its_devices_with_the_mec_iot_api() throws Exception {
        assertThat(mec.platform.context().appInstances().get(hosted.appInstanceId())).isPresent();

        publish("{\"temperature\":18}");

        OneM2MClient admin = OneM2MClient.builder(cse.client()).cseBase(CseTestbed.CSE_BASE).originator("CAdmin")
                .build();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(
                admin.latest(hosted.ipe().aePath("m1") + "/telemetry").get("con").path("temperature").asInt())
                .isEqualTo(18));
        MecIotClient iot = new MecIotClient(mec.platform.baseUrl());
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() -> {
            DeviceInfo registered = iot.device("m1");
            assertThat(registered.requestedIotPlatformId()).isEqualTo("id-mn1");
            assertThat(registered.enabled()).as("bound to the CSE's MQTT transport").isTrue();
        });

        hosted.close();

        assertThatThrownBy(() -> iot.device("m1")).isInstanceOfSatisfying(MecProblemException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        assertThat(mec.platform.context().appInstances().get(hosted.appInstanceId())).isEmpty();
    }

    @Test
    void stops_serving_devices_when_the_platform_terminates_the_application() throws Exception {
        mec.platform.context().appInstances().requestShutdown(hosted.appInstanceId(), OperationActionType.TERMINATING)
                .get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> !hosted.ipe().isRunning());
        assertThat(hosted.registration().state()).isEqualTo(MecAppRegistration.State.TERMINATED);
    }
}
