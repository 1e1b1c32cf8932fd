package org.oneedge.binding.mqtt.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where an MQTT broker listens: parsed from {@code tcp://host:port} (configuration) or {@code mqtt://host[:1883]} /
 * {@code mqtts://host[:8883]} (oneM2M points of access, TS-0010 6.6). {@code ssl://} is accepted as {@code mqtts}.
 *
 * @param host broker host
 * @param port broker port
 * @param tls  whether the connection uses TLS
 */
public record BrokerAddress(String host, int port, boolean tls) {

    public BrokerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("broker host is missing");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("broker port out of range: " + port);
        }
    }

    /** Parses a broker URL; throws {@link IllegalArgumentException} saying what is wrong. */
    public static BrokerAddress parse(String url) {
        return parseUri(url).address();
    }

    static Parsed parseUri(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("broker URL is missing");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "tcp", "mqtt" -> false;
            case "ssl", "mqtts" -> true;
            default -> throw new IllegalArgumentException("'" + url + "' is not an MQTT URL (tcp://, mqtt://, mqtts://)");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' has no host");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 8883 : 1883;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new Parsed(new BrokerAddress(uri.getHost(), port, tls), path);
    }

    record Parsed(BrokerAddress address, String path) {
    }

    @Override
    public String toString() {
        return (tls ? "mqtts://" : "mqtt://") + host + ":" + port;
    }
}
