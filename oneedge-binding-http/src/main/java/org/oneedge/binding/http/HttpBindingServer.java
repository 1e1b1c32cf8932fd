package org.oneedge.binding.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.oneedge.binding.http.wire.Ts0009Codec;
import org.oneedge.model.CseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The oneM2M HTTP binding server (TS-0009): plain Jetty 12 core handlers, HTTP/1.1 with keep-alive, the oneM2M
 * handling of each request on its own virtual thread. It only translates; the {@link CseClient} it is given (a CSE,
 * a notification receiver, a test fake) does the work.
 * <pre>
 *   try (var server = new HttpBindingServer(HttpBindingConfig.loopbackAnyPort(), cse)) {
 *       server.start();
 *       String poa = server.baseUrl();   // http://127.0.0.1:&lt;bound port&gt;
 *   }
 * </pre>
 */
public final class HttpBindingServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpBindingServer.class);

    private final HttpBindingConfig config;
    private final Handler handler;
    private final String kind;
    private Server server;
    private ServerConnector connector;

    /** A server that maps requests to {@code cse}, reading and answering JSON and CBOR. */
    public HttpBindingServer(HttpBindingConfig config, CseClient cse) {
        this(config, cse, Ts0009Codec.jsonAndCbor());
    }

    /** A server that maps requests to {@code cse} with the given codec (e.g. one that also knows CBOR). */
    public HttpBindingServer(HttpBindingConfig config, CseClient cse, Ts0009Codec codec) {
        this(config, cse, codec, HeaderGate.OPEN, "oneM2M");
    }

    /**
     * A server whose requests pass {@code gate} before their body is read, then go to {@code cse}: a TS-0009 front
     * (e.g. the Mca proxy relaying to a registrar) that shares the binding's decoding, limits and answers.
     */
    public HttpBindingServer(HttpBindingConfig config, CseClient cse, Ts0009Codec codec, HeaderGate gate,
                             String kind) {
        this(config, new Ts0009Handler(cse, codec, config.maxBodyBytes(), gate), kind);
    }

    private HttpBindingServer(HttpBindingConfig config, Handler handler, String kind) {
        this.config = config;
        this.handler = handler;
        this.kind = kind;
    }

    /** A server on the same stack that answers every request with {@code fixedBody}: the benchmark baseline. */
    public static HttpBindingServer bare(HttpBindingConfig config, byte[] fixedBody) {
        return new HttpBindingServer(config, new FixedBodyHandler(fixedBody), "bare");
    }

    /** Binds the port and starts serving; fails with {@link IllegalStateException} when the port cannot be bound. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("oneedge-http");
        threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("oneedge-http-v"));
        Server s = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(config.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        ServerConnector c = new ServerConnector(s, new HttpConnectionFactory(http));
        c.setHost(config.host());
        c.setPort(config.port());
        c.setIdleTimeout(config.idleTimeout().toMillis());
        s.addConnector(c);
        s.setHandler(handler);
        s.setErrorHandler(new Ts0009ErrorHandler());
        try {
            s.start();
        } catch (Exception e) {
            try {
                s.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new IllegalStateException("cannot start the HTTP binding on " + config.host() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        server = s;
        connector = c;
        LOG.info("HTTP binding ({}) listening on {}:{} (max body {} bytes)", kind, config.host(), port(),
                config.maxBodyBytes());
    }

    /** Stops serving and closes the port; open requests get the idle timeout to finish. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        int port = connector.getLocalPort();
        try {
            server.stop();
            LOG.info("HTTP binding ({}) on port {} stopped", kind, port);
        } catch (Exception e) {
            LOG.warn("HTTP binding ({}) did not stop cleanly", kind, e);
        } finally {
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The bound port (the real one when the configured port is 0); -1 before {@link #start()}. */
    public synchronized int port() {
        return server == null ? -1 : connector.getLocalPort();
    }

    /** {@code http://host:port} with a loopback host when bound to all interfaces. */
    public String baseUrl() {
        String host = config.host();
        try {
            if (InetAddress.getByName(host).isAnyLocalAddress()) {
                host = "127.0.0.1";
            }
        } catch (UnknownHostException e) {
            // keep the configured name
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    public HttpBindingConfig config() {
        return config;
    }
}
