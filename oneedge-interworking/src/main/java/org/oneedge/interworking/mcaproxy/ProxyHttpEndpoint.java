package org.oneedge.interworking.mcaproxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.VirtualThreads;
import org.oneedge.binding.http.wire.ContentCodec;
import org.oneedge.binding.http.wire.Ts0009Codec;
import org.oneedge.binding.http.wire.Ts0009Headers;
import org.oneedge.binding.http.wire.WireRequest;
import org.oneedge.binding.http.wire.WireResponse;
import org.oneedge.model.CseClient;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's TS-0009 endpoint: a device sends its request here exactly as it would to the registrar, plus
 * {@code Proxy-Authorization: Bearer <token>} (or {@code X-OneEdge-Proxy-Authorization}). The HTTP binding's own codec ({@link Ts0009Codec}) reads it, so a
 * malformed request gets the same answer the CSE would give, and writes the registrar's response back.
 * <pre>
 *  device --HTTP--&gt; [Proxy-Authorization] [size] --Ts0009Codec--&gt; Request --registrar (HTTP|MQTT)--&gt; Response
 *         &lt;-------------------------------------- Ts0009Codec.encodeResponse &lt;------------------------'
 * </pre>
 */
final class ProxyHttpEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyHttpEndpoint.class);
    /** The HTTP credential header for an intermediary (RFC 9110 11.7.2; digest 2.2 "for the Registrar"). */
    static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    /**
     * The same credential for HTTP stacks that only send {@code Proxy-Authorization} to a forward proxy (the JDK's
     * {@code java.net.http} drops it on a direct connection).
     */
    static final String ONEEDGE_PROXY_AUTHORIZATION = "X-OneEdge-Proxy-Authorization";

    private final McaProxyConfig config;
    private final ProxyCredentials credentials;
    private final CseClient registrar;
    private final Ts0009Codec codec = Ts0009Codec.jsonAndCbor();
    private Server server;
    private ServerConnector connector;

    ProxyHttpEndpoint(McaProxyConfig config, ProxyCredentials credentials, CseClient registrar) {
        this.config = config;
        this.credentials = credentials;
        this.registrar = registrar;
    }

    synchronized void start() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("mcaproxy-http");
        threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("mcaproxy-http-v"));
        Server s = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector c = new ServerConnector(s, new HttpConnectionFactory(http));
        c.setHost(config.httpHost());
        c.setPort(config.httpPort());
        s.addConnector(c);
        s.setHandler(new Relay());
        try {
            s.start();
        } catch (Exception e) {
            try {
                s.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new IllegalStateException("cannot start the Mca proxy on " + config.httpHost() + ":"
                    + config.httpPort() + ": " + e.getMessage(), e);
        }
        server = s;
        connector = c;
    }

    synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("Mca proxy HTTP endpoint did not stop cleanly: {}", e.toString());
            }
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code http://host:port} of the bound endpoint (loopback when bound to all interfaces). */
    synchronized String url() {
        String host = config.httpHost();
        try {
            if (InetAddress.getByName(host).isAnyLocalAddress()) {
                host = "127.0.0.1";
            }
        } catch (UnknownHostException e) {
            // keep the configured name
        }
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort();
    }

    /** One request: admit, read, forward, answer. */
    private final class Relay extends Handler.Abstract {

        @Override
        public boolean handle(org.eclipse.jetty.server.Request http, org.eclipse.jetty.server.Response out,
                              Callback callback) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (HttpField f : http.getHeaders()) {
                headers.putIfAbsent(f.getName(), f.getValue());
            }
            // the wire request's case-insensitive header view, before the body is read
            WireRequest probe = new WireRequest(http.getMethod(), "/", null, headers, null);
            String rqi = probe.header(Ts0009Headers.REQUEST_ID);
            String rvi = probe.header(Ts0009Headers.RELEASE_VERSION);
            ContentCodec answerCodec = null;
            Response response;
            try {
                answerCodec = codec.negotiate(probe.header(Ts0009Headers.ACCEPT),
                        probe.header(Ts0009Headers.CONTENT_TYPE));
                String credential = probe.header(PROXY_AUTHORIZATION) != null ? probe.header(PROXY_AUTHORIZATION)
                        : probe.header(ONEEDGE_PROXY_AUTHORIZATION);
                credentials.check(credential, PROXY_AUTHORIZATION + " (or " + ONEEDGE_PROXY_AUTHORIZATION + ")");
                byte[] body = readBody(http);
                Map<String, String> forwarded = new LinkedHashMap<>(headers);
                forwarded.keySet().removeIf(h -> h.equalsIgnoreCase(PROXY_AUTHORIZATION)
                        || h.equalsIgnoreCase(ONEEDGE_PROXY_AUTHORIZATION));
                Request request = codec.decodeRequest(new WireRequest(http.getMethod(), http.getHttpURI().getPath(),
                        http.getHttpURI().getQuery(), forwarded, body));
                response = registrar.send(request);
                LOG.debug("relayed {} {} rqi={} fr={} -> {}", http.getMethod(), request.to(), rqi, request.from(),
                        response.statusCode().code());
            } catch (TooLarge e) {
                out.getHeaders().put(HttpHeader.CONNECTION, "close");
                response = e.toResponse();
            } catch (OneM2MException e) {
                LOG.debug("refused {} {} rqi={}: {} {}", http.getMethod(), http.getHttpURI().getPath(), rqi,
                        e.statusCode().code(), e.getMessage());
                response = e.toResponse();
            } catch (RuntimeException | IOException e) {
                LOG.warn("Mca proxy failed on {} {} rqi={}", http.getMethod(), http.getHttpURI().getPath(), rqi, e);
                response = Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR,
                        "internal error in the Mca proxy: " + e);
            }
            WireResponse wire = codec.encodeResponse(response, rqi, rvi,
                    answerCodec != null ? answerCodec : codec.negotiate(null));
            out.setStatus(wire.status());
            wire.headers().forEach((k, v) -> out.getHeaders().put(k, v));
            out.getHeaders().put(HttpHeader.CONTENT_LENGTH, wire.body().length);
            out.write(true, ByteBuffer.wrap(wire.body()), callback);
            return true;
        }

        private byte[] readBody(org.eclipse.jetty.server.Request http) throws IOException {
            int max = config.maxBodyBytes();
            long declared = http.getLength();
            if (declared > max) {
                throw new TooLarge(declared, max);
            }
            if (declared == 0 || (declared < 0 && !http.getHeaders().contains(HttpHeader.TRANSFER_ENCODING))) {
                return new byte[0];
            }
            try (InputStream in = Content.Source.asInputStream(http)) {
                if (declared > 0) {
                    return in.readNBytes((int) declared);
                }
                byte[] body = in.readNBytes(max + 1);
                if (body.length > max) {
                    throw new TooLarge(-1, max);
                }
                return body;
            }
        }
    }

    /** A body over the limit: 4000 (TS-0009 has no 413 mapping), and the connection is closed after the answer. */
    private static final class TooLarge extends OneM2MException {
        TooLarge(long size, int max) {
            super(ResponseStatusCode.BAD_REQUEST, "request body of " + (size >= 0 ? size : "more than " + max)
                    + " bytes exceeds the Mca proxy's limit of " + max + " bytes; it was not forwarded");
        }
    }
}
