package org.oneedge.binding.http;

import java.time.Duration;

/**
 * Configuration of an {@link HttpBindingServer} (TS-0009 server side).
 *
 * @param host           interface to bind; default {@code 0.0.0.0} (all)
 * @param port           TCP port; default 8080; 0 binds any free port (read it back with {@link HttpBindingServer#port()})
 * @param maxBodyBytes   largest request body accepted; default 1 MiB. Larger bodies are refused with 4000 BAD_REQUEST
 *                       before they are read
 * @param maxHeaderBytes largest request head (request line + headers); default 8 KiB (Jetty answers 431 above it)
 * @param idleTimeout    how long an idle keep-alive connection stays open; default 30 s
 */
public record HttpBindingConfig(String host, int port, int maxBodyBytes, int maxHeaderBytes, Duration idleTimeout) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public HttpBindingConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is mandatory");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (maxBodyBytes < 0 || maxHeaderBytes <= 0) {
            throw new IllegalArgumentException("size limits must be positive");
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
    }

    /** All interfaces, port 8080, 1 MiB bodies, 8 KiB heads, 30 s idle. */
    public static HttpBindingConfig defaults() {
        return builder().build();
    }

    /** Loopback, any free port: what tests use. */
    public static HttpBindingConfig loopbackAnyPort() {
        return builder().host("127.0.0.1").port(0).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().host(host).port(port).maxBodyBytes(maxBodyBytes).maxHeaderBytes(maxHeaderBytes)
                .idleTimeout(idleTimeout);
    }

    /** Builds a {@link HttpBindingConfig} starting from the defaults. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder maxBodyBytes(int v) { maxBodyBytes = v; return this; }
        public Builder maxHeaderBytes(int v) { maxHeaderBytes = v; return this; }
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }

        public HttpBindingConfig build() {
            return new HttpBindingConfig(host, port, maxBodyBytes, maxHeaderBytes, idleTimeout);
        }
    }
}
