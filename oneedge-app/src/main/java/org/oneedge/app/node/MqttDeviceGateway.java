package org.oneedge.app.node;

import java.util.List;
import org.oneedge.app.config.NodeConfig;
import org.oneedge.binding.mqtt.MqttBindingConfig;
import org.oneedge.interworking.thirdparty.ThirdPartyIpe;
import org.oneedge.interworking.thirdparty.ThirdPartyIpeConfig;
import org.oneedge.interworking.thirdparty.mqtt.MqttJsonDevices;
import org.oneedge.interworking.thirdparty.mqtt.MqttJsonDevicesConfig;
import org.oneedge.model.CseClient;

/**
 * The 3rd-party IPE for MQTT-JSON devices as the app runs it next to one CSE node: devices publish JSON readings
 * on the node's broker ({@code oneedge/dev/<deviceId>/telemetry}) and appear as AEs of that CSE; commands go back
 * on {@code oneedge/dev/<deviceId>/cmd} (see oneedge-interworking/README.md).
 */
public final class MqttDeviceGateway implements AutoCloseable {

    private final ThirdPartyIpe ipe;
    private final Listener listener;

    private MqttDeviceGateway(ThirdPartyIpe ipe, Listener listener) {
        this.ipe = ipe;
        this.listener = listener;
    }

    /**
     * Starts the IPE on the broker {@code node} serves MQTT on, writing into {@code node}'s CSE.
     *
     * @param applications {@code acor} entries of the applications that may read and command the devices, e.g.
     *                     {@code /id-in/C*} (every AE registered at the IN-CSE)
     */
    public static MqttDeviceGateway start(OneEdgeNode node, List<String> applications) {
        return start(node.config(), node.cse(), node.cseBaseUrl(), applications);
    }

    /**
     * Starts the IPE on the broker the node configured by {@code config} serves MQTT on, writing into its CSE
     * through {@code cse} (in this JVM or over HTTP).
     *
     * @param cseBaseUrl the CSEBase URL, for the start-up line
     */
    public static MqttDeviceGateway start(NodeConfig config, CseClient cse, String cseBaseUrl,
                                          List<String> applications) {
        String broker = config.mqttBrokerUrl() != null ? config.mqttBrokerUrl() : MqttBindingConfig.DEFAULT_BROKER_URL;
        MqttJsonDevicesConfig devices = MqttJsonDevicesConfig.builder().brokerUrl(broker)
                .clientId("oneedge-device-ipe-" + config.cseId().substring(1)).build();
        ThirdPartyIpeConfig ipeConfig = ThirdPartyIpeConfig.builder().cseBaseName(config.cseBaseName())
                .notificationHost(config.httpHost()).applicationOriginators(applications)
                .adminOriginator(config.adminOriginator()).build();
        ThirdPartyIpe ipe = new ThirdPartyIpe(cse, ipeConfig, new MqttJsonDevices(devices)).start();
        return new MqttDeviceGateway(ipe, new Listener("MQTT-JSON device IPE into " + config.cseId()
                + " (readings on " + devices.telemetryFilter() + ", commands on "
                + devices.commandTopic("{deviceId}") + ", devices appear as " + cseBaseUrl + "/"
                + ipeConfig.aeNamePrefix() + "{deviceId})", broker));
    }

    /** The start-up line: topics and broker. */
    public Listener listener() {
        return listener;
    }

    /** The running IPE. */
    public ThirdPartyIpe ipe() {
        return ipe;
    }

    @Override
    public void close() {
        ipe.close();
    }
}
