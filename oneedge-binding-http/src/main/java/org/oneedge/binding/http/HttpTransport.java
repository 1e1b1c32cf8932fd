package org.oneedge.binding.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.oneedge.binding.http.wire.Ts0009Codec;
import org.oneedge.binding.http.wire.WireRequest;
import org.oneedge.binding.http.wire.WireResponse;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends encoded requests and turns every transport failure into a response (5103 when the peer cannot be reached,
 * 4008 when it does not answer in time), so callers of {@link org.oneedge.model.CseClient} and
 * {@link org.oneedge.model.RemoteSender} never see an exception.
 *
 * <p>{@code http://} origins go through an {@link Http11ConnectionPool}: keep-alive connections used with blocking
 * I/O on the caller's (virtual) thread, which costs no thread hand-off and no shared lock per request (the JDK
 * client's selector, executor and per-request timers were the bottleneck with thousands of concurrent requests).
 * {@code https://} origins go through one {@code java.net.http} client (HTTP/1.1), created on first use.
 */
final class HttpTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final HttpClientConfig config;
    private final Ts0009Codec codec;
    private final Http11ConnectionPool plain;
    private final Object tlsLock = new Object();
    private ExecutorService tlsExecutor;
    private HttpClient tlsClient;
    private boolean closed;

    HttpTransport(HttpClientConfig config, Ts0009Codec codec) {
        this.config = config;
        this.codec = codec;
        this.plain = new Http11ConnectionPool(config);
    }

    Ts0009Codec codec() {
        return codec;
    }

    /**
     * Sends a request already encoded for {@code origin} ({@code scheme://authority}) and decodes the answer.
     *
     * @param original the primitive, for its request id and for log lines
     */
    Response exchange(String origin, WireRequest wire, Request original) {
        URI uri;
        try {
            uri = URI.create(origin + wire.pathAndQuery());
        } catch (IllegalArgumentException e) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE,
                    "invalid target URL " + origin + wire.pathAndQuery() + ": " + e.getMessage())
                    .withRequestId(original.requestId());
        }
        try {
            wire.headers().forEach(Http11Connection::checkHeader);
        } catch (IllegalArgumentException e) {
            // e.g. a header value with characters HTTP/1.1 cannot carry
            return Response.error(ResponseStatusCode.BAD_REQUEST, "cannot send the request as HTTP: "
                    + e.getMessage()).withRequestId(original.requestId());
        }
        try {
            WireResponse answer = origin.startsWith("http://")
                    ? plain.send(origin, wire.method(), wire.pathAndQuery(), wire.headers(), wire.body())
                    : sendTls(uri, wire);
            Response response = codec.decodeResponse(answer);
            LOG.debug("{} {} rqi={} -> {}", wire.method(), uri, original.requestId(), response.statusCode().code());
            return response.requestId() == null ? response.withRequestId(original.requestId()) : response;
        } catch (HttpConnectTimeoutException e) {
            return unreachable(uri, original, "no connection within " + config.connectTimeout().toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            LOG.debug("{} {} rqi={} timed out", wire.method(), uri, original.requestId());
            return Response.error(ResponseStatusCode.REQUEST_TIMEOUT, "no response from " + uri + " within "
                    + config.requestTimeout().toMillis() + " ms").withRequestId(original.requestId());
        } catch (ConnectException e) {
            return unreachable(uri, original, "connection refused");
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) { // blocking socket I/O ends with an exception when interrupted
                return unreachable(uri, original, "interrupted while waiting");
            }
            return unreachable(uri, original, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(uri, original, "interrupted while waiting");
        } catch (RuntimeException e) {
            return unreachable(uri, original, e.toString());
        }
    }

    private WireResponse sendTls(URI uri, WireRequest wire) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .method(wire.method(), wire.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(wire.body()));
        wire.headers().forEach(http::header);
        HttpResponse<byte[]> answer = tlsClient().send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> headers = new LinkedHashMap<>();
        answer.headers().map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return new WireResponse(answer.statusCode(), headers, answer.body());
    }

    private HttpClient tlsClient() throws IOException {
        synchronized (tlsLock) {
            if (closed) {
                throw new IOException("HTTP client closed");
            }
            if (tlsClient == null) {
                tlsExecutor = Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("oneedge-https-client-", 0).factory());
                tlsClient = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(config.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .executor(tlsExecutor)
                        .build();
            }
            return tlsClient;
        }
    }

    private static Response unreachable(URI uri, Request original, String why) {
        LOG.debug("{} rqi={} not reachable: {}", uri, original.requestId(), why);
        return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE, uri + " is not reachable: " + why)
                .withRequestId(original.requestId());
    }

    /** {@code scheme://authority} of a URL, e.g. {@code http://127.0.0.1:8080}. */
    static String origin(URI url) {
        return url.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + url.getRawAuthority();
    }

    static boolean isHttpUrl(String url) {
        if (url == null) {
            return false;
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** A path without its trailing slash, "" for none. */
    static String pathPrefix(URI url) {
        String p = url.getRawPath();
        if (p == null) {
            return "";
        }
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @Override
    public void close() {
        plain.close();
        synchronized (tlsLock) {
            closed = true;
            if (tlsClient != null) {
                tlsClient.close();
                tlsExecutor.close();
            }
        }
    }
}
