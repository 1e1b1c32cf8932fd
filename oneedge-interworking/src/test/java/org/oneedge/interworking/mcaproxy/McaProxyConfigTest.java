package org.oneedge.interworking.mcaproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class McaProxyConfigTest {

    @Test
    void derives_the_mqtt_receiver_and_service_name_from_the_registrar() {
        McaProxyConfig c = McaProxyConfig.builder().registrarCseId("/id-mn1").registrarPoa("http://h:8081").build();

        assertThat(c.mqttReceiverId()).isEqualTo("mcaproxy-id-mn1");
        assertThat(c.serviceName()).isEqualTo("oneM2M-McaProxy-id-mn1");
        assertThat(c.registrarOverMqtt()).isFalse();
        assertThat(McaProxyConfig.builder().registrarCseId("/id-mn1").registrarPoa("mqtt://h:1883").build()
                .registrarOverMqtt()).isTrue();
    }

    @Test
    void refuses_a_registrar_without_cse_id_or_usable_point_of_access() {
        assertThatThrownBy(() -> McaProxyConfig.builder().registrarCseId("id-mn1").registrarPoa("http://h").build())
                .hasMessageContaining("registrarCseId");
        assertThatThrownBy(() -> McaProxyConfig.builder().registrarCseId("/id-mn1").registrarPoa("coap://h").build())
                .hasMessageContaining("registrarPoa");
        assertThatThrownBy(() -> McaProxyConfig.builder().registrarCseId("/id-mn1").registrarPoa("http://h")
                .httpPort(-1).build()).hasMessageContaining("listen");
    }
}
