package org.oneedge.binding.mqtt.broker;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT broker inside the OneEdge process (Moquette 0.17), so one JVM can run a whole topology over TS-0010
 * without installing Mosquitto. State is in memory only: its working files go to a temporary directory that is
 * deleted on stop, and telemetry is off. Moquette logs under {@code io.moquette}; the app sets it to WARN.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

    private final EmbeddedMqttBrokerConfig config;
    private Server server;
    private Path dataDir;
    private int boundPort;

    public EmbeddedMqttBroker(EmbeddedMqttBrokerConfig config) {
        this.config = config;
    }

    /** Starts a broker with {@code config} and returns it. */
    public static EmbeddedMqttBroker start(EmbeddedMqttBrokerConfig config) {
        EmbeddedMqttBroker broker = new EmbeddedMqttBroker(config);
        broker.start();
        return broker;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        if (config.allowAnonymous() && !isLoopback(config.host())) {
            LOG.warn("Embedded MQTT broker allows anonymous clients on non-loopback address {}", config.host());
        }
        if (config.port() != 0) {
            ensurePortFree();
        }
        try {
            dataDir = Files.createTempDirectory("oneedge-moquette-");
            Properties p = new Properties();
            p.setProperty("host", config.host());
            p.setProperty("port", Integer.toString(config.port()));
            p.setProperty("websocket_port", "disabled");
            p.setProperty("allow_anonymous", Boolean.toString(config.allowAnonymous()));
            p.setProperty("persistence_enabled", "false");
            p.setProperty("data_path", dataDir.toString());
            p.setProperty("telemetry_enabled", "false");
            p.setProperty("netty.mqtt.message_size", Integer.toString(config.maxMessageBytes()));
            p.setProperty("netty.so_reuseaddr", "true");
            // Plain `mosquitto_pub -t ... -m ...` connects with an empty client id (MQTT 3.1.1 3.1.3.1, clean session).
            p.setProperty("allow_zero_byte_client_id", "true");
            // CleanSession=false sessions of clients that never come back are dropped after a day.
            p.setProperty("persistent_client_expiration", "1d");
            Server s = new Server();
            try {
                s.startServer(new MemoryConfig(p), List.of());
                boundPort = config.port() != 0 ? config.port() : awaitBoundPort(s);
            } catch (IOException | RuntimeException e) {
                stopQuietly(s);
                throw e;
            }
            server = s;
        } catch (IOException | RuntimeException e) {
            deleteDataDir();
            throw new IllegalStateException("cannot start embedded MQTT broker on " + config.host() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        LOG.info("Embedded MQTT broker listening on {}", url());
    }

    /** The TCP port the broker listens on (the chosen one when configured with port 0). */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("broker not started");
        }
        return boundPort;
    }

    /** {@code tcp://host:port} for an {@code MqttBindingConfig}. */
    public String url() {
        return "tcp://" + config.host() + ":" + port();
    }

    /** {@code mqtt://host:port} for a oneM2M point of access. */
    public String pointOfAccess() {
        return "mqtt://" + config.host() + ":" + port();
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stopServer();
        server = null;
        deleteDataDir();
        LOG.info("Embedded MQTT broker on {}:{} stopped", config.host(), boundPort);
    }

    @Override
    public void close() {
        stop();
    }

    /** Moquette learns the port it bound to asynchronously; with port 0 wait for it (bind is local, so quick). */
    private static int awaitBoundPort(Server s) throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L; // generous: a loaded machine starts Netty slowly
        while (System.nanoTime() < deadline) {
            int p;
            try {
                p = s.getPort();
            } catch (java.util.ConcurrentModificationException e) {
                p = 0; // Moquette iterates its acceptor map while the bind is still adding to it: ask again
            }
            if (p > 0) {
                return p;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IOException("embedded MQTT broker did not report its port");
    }

    /** Fails fast with a clear message instead of letting Moquette log a bind error and stop slowly. */
    private void ensurePortFree() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(config.host(), config.port()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded MQTT broker on " + config.host() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
    }

    private static void stopQuietly(Server s) {
        try {
            s.stopServer();
        } catch (RuntimeException e) {
            LOG.debug("embedded MQTT broker did not stop cleanly after a failed start: {}", e.toString());
        }
    }

    private void deleteDataDir() {
        if (dataDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", dataDir, e.toString());
        }
        dataDir = null;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
