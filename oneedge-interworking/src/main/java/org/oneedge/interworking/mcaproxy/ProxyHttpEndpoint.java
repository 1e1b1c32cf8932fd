package org.oneedge.interworking.mcaproxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oneedge.binding.http.HeaderGate;
import org.oneedge.binding.http.HttpBindingConfig;
import org.oneedge.binding.http.HttpBindingServer;
import org.oneedge.binding.http.wire.Ts0009Codec;
import org.oneedge.binding.http.wire.WireRequest;
import org.oneedge.model.CseClient;

/**
 * The proxy's TS-0009 endpoint: a device sends its request here exactly as it would to the registrar, plus
 * {@code Proxy-Authorization: Bearer <token>} (or {@code X-OneEdge-Proxy-Authorization}). It is the HTTP binding's
 * own server ({@link HttpBindingServer}) with the proxy's credential check as its {@link HeaderGate} and the registrar
 * as its target, so a malformed or oversized request gets the same answer the CSE would give.
 * <pre>
 *  device --HTTP--&gt; [Proxy-Authorization, stripped] [size] --Ts0009Codec--&gt; Request --registrar (HTTP|MQTT)--&gt;
 *         &lt;----------------------------------- Ts0009Codec.encodeResponse &lt;----------- Response
 * </pre>
 */
final class ProxyHttpEndpoint implements AutoCloseable {

    /** The HTTP credential header for an intermediary (RFC 9110 11.7.2; digest 2.2 "for the Registrar"). */
    static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    /**
     * The same credential for HTTP stacks that only send {@code Proxy-Authorization} to a forward proxy (the JDK's
     * {@code java.net.http} drops it on a direct connection).
     */
    static final String ONEEDGE_PROXY_AUTHORIZATION = "X-OneEdge-Proxy-Authorization";

    private final McaProxyConfig config;
    private final HttpBindingServer server;

    ProxyHttpEndpoint(McaProxyConfig config, ProxyCredentials credentials, CseClient registrar) {
        this.config = config;
        HttpBindingConfig http = HttpBindingConfig.builder().host(config.httpHost()).port(config.httpPort())
                .maxBodyBytes(config.maxBodyBytes()).build();
        this.server = new HttpBindingServer(http, registrar, Ts0009Codec.jsonAndCbor(),
                headers -> admit(credentials, headers), "Mca proxy");
    }

    /** Refuses a request without a valid proxy credential (4103) and keeps the credential from the registrar. */
    private static Map<String, String> admit(ProxyCredentials credentials, WireRequest headersOnly) {
        String credential = headersOnly.header(PROXY_AUTHORIZATION) != null ? headersOnly.header(PROXY_AUTHORIZATION)
                : headersOnly.header(ONEEDGE_PROXY_AUTHORIZATION);
        credentials.check(credential, PROXY_AUTHORIZATION + " (or " + ONEEDGE_PROXY_AUTHORIZATION + ")");
        Map<String, String> forwarded = new LinkedHashMap<>(headersOnly.headers());
        forwarded.keySet().removeIf(h -> h.equalsIgnoreCase(PROXY_AUTHORIZATION)
                || h.equalsIgnoreCase(ONEEDGE_PROXY_AUTHORIZATION));
        return forwarded;
    }

    synchronized void start() {
        server.start();
    }

    synchronized void stop() {
        server.stop();
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
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
    }
}
