package org.oneedge.interworking.callback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The HTTP endpoint a MEC application gives as {@code callbackReference} in its MEC subscriptions (MEC 009 / MEC 011
 * clause 5.2.3 notification pattern): each POSTed notification body is answered with 204 at once and handed to the
 * handler registered for its path. A small JDK {@link HttpServer} on virtual threads; bind port 0 for a free port.
 *
 * <pre>{@code
 * try (var receiver = new MecCallbackReceiver("127.0.0.1", 0)) {
 *     receiver.start();
 *     String url = receiver.register("/rnis", body -> handle(body));   // give url as callbackReference
 * }
 * }</pre>
 */
public final class MecCallbackReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MecCallbackReceiver.class);
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final String host;
    private final int port;
    private final String advertisedHost;
    private final Map<String, Consumer<byte[]>> handlers = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param host interface to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
     * @param port TCP port, 0 for a free one
     */
    public MecCallbackReceiver(String host, int port) {
        this(host, port, null);
    }

    /**
     * @param advertisedHost host name put in callback URLs when the bind address is not reachable as such
     *                       ({@code null} = the bind host, or {@code 127.0.0.1} for a wildcard bind)
     */
    public MecCallbackReceiver(String host, int port, String advertisedHost) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.advertisedHost = advertisedHost;
    }

    /** Binds and starts serving. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the MEC callback receiver to " + host + ":" + port, e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        LOG.debug("MEC callback receiver listening at {}", baseUrl());
    }

    /** Stops serving (idempotent). */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Routes POSTs to {@code path} to {@code handler}; returns the absolute callback URL. */
    public String register(String path, Consumer<byte[]> handler) {
        String p = path.startsWith("/") ? path : "/" + path;
        handlers.put(p, Objects.requireNonNull(handler, "handler"));
        return baseUrl() + p;
    }

    /** {@code http://host:port} of the running receiver. */
    public synchronized String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("the MEC callback receiver is not started");
        }
        String h = advertisedHost != null ? advertisedHost
                : switch (host) {
                    case "0.0.0.0", "::", "" -> "127.0.0.1";
                    default -> host.contains(":") ? "[" + host + "]" : host;
                };
        return "http://" + h + ":" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Consumer<byte[]> handler = handlers.get(path);
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (handler == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            exchange.sendResponseHeaders(204, -1);
            try {
                handler.accept(body);
            } catch (RuntimeException e) {
                LOG.warn("MEC notification to {} could not be handled: {}", path, e.toString());
            }
        }
    }
}
