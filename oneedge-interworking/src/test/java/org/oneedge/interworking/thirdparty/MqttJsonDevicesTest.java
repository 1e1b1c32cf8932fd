package org.oneedge.interworking.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oneedge.interworking.thirdparty.mqtt.MqttJsonDevices;
import org.oneedge.interworking.thirdparty.mqtt.MqttJsonDevicesConfig;

class MqttJsonDevicesTest {

    private final MqttJsonDevicesConfig config = MqttJsonDevicesConfig.builder().brokerUrl("tcp://127.0.0.1:1883")
            .topicPrefix("oneedge/dev/").build();

    @Test
    void topics_follow_the_documented_scheme() {
        assertThat(config.topicPrefix()).isEqualTo("oneedge/dev");
        assertThat(config.telemetryFilter()).isEqualTo("oneedge/dev/+/telemetry");
        assertThat(config.telemetryTopic("d1")).isEqualTo("oneedge/dev/d1/telemetry");
        assertThat(config.commandTopic("d1")).isEqualTo("oneedge/dev/d1/cmd");
    }

    @Test
    void refuses_a_topic_prefix_with_wildcards() {
        assertThatThrownBy(() -> MqttJsonDevicesConfig.builder().brokerUrl("tcp://h:1").topicPrefix("a/+/b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wildcards");
    }

    @Test
    void every_device_gets_the_standard_model_with_the_ts_0023_temperature_module() {
        DeviceModel model = new MqttJsonDevices(config).model("d1");

        assertThat(model.telemetryContainer()).isEqualTo("telemetry");
        assertThat(model.commandContainer()).isEqualTo("cmd");
        assertThat(model.flexContainers()).singleElement().satisfies(f -> {
            assertThat(f.rootKey()).isEqualTo("cod:tempe");
            assertThat(f.readings()).containsEntry("temperature", "curT0");
            assertThat(f.commands()).containsEntry("tarTe", "targetTemperature");
        });
    }

    @Test
    void a_flex_mapping_must_map_some_reading_and_a_model_keep_some_history() {
        assertThatThrownBy(() -> new FlexMapping("x", "cod:tempe", "c", Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceModel("telemetry", null, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_ipe_config_needs_an_application_id_starting_with_n_or_r() {
        assertThatThrownBy(() -> ThirdPartyIpeConfig.builder().cseBaseName("cse-in").appId("app").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ThirdPartyIpeConfig.builder().cseBaseName("cse-in").build().applicationOriginators()).isEmpty();
    }
}
