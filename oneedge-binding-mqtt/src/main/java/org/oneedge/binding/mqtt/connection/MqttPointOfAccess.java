package org.oneedge.binding.mqtt.connection;

import java.util.Locale;

/**
 * A oneM2M MQTT point of access or notification URI, {@code mqtt://host[:port][/path]} (TS-0010 6.6): the broker to
 * use and an optional path. For a CSE's point of access the path is a topic prefix; for a notification target it is
 * the full topic to publish to.
 *
 * @param broker the broker
 * @param path   the path as given ({@code ""} when absent), e.g. {@code /edge1} or {@code /some/topic}
 */
public record MqttPointOfAccess(BrokerAddress broker, String path) {

    public MqttPointOfAccess {
        path = path == null || path.equals("/") ? "" : path;
    }

    /** True for {@code mqtt://} and {@code mqtts://} URLs. */
    public static boolean isMqtt(String url) {
        if (url == null) {
            return false;
        }
        String u = url.trim().toLowerCase(Locale.ROOT);
        return u.startsWith("mqtt://") || u.startsWith("mqtts://");
    }

    /** Parses {@code mqtt://host[:port][/path]}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static MqttPointOfAccess parse(String url) {
        if (!isMqtt(url)) {
            throw new IllegalArgumentException("'" + url + "' is not an mqtt:// or mqtts:// point of access");
        }
        BrokerAddress.Parsed p = BrokerAddress.parseUri(url);
        return new MqttPointOfAccess(p.address(), p.path());
    }

    public boolean hasPath() {
        return !path.isEmpty();
    }
}
