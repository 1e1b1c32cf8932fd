package org.oneedge.binding.http;

import java.net.URI;
import org.oneedge.binding.http.wire.Ts0009Codec;
import org.oneedge.binding.http.wire.WireRequest;
import org.oneedge.model.CseClient;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * A {@link CseClient} that reaches one CSE over HTTP (TS-0009 Mca), e.g. {@code http://127.0.0.1:8080}: every request
 * goes to that base URL plus the path mapped from {@code to}. Never throws; transport failures come back as
 * 5103 TARGET_NOT_REACHABLE or 4008 REQUEST_TIMEOUT.
 */
public final class HttpCseClient implements CseClient, AutoCloseable {

    private final URI baseUrl;
    private final HttpTransport transport;

    public HttpCseClient(String baseUrl) {
        this(baseUrl, HttpClientConfig.defaults());
    }

    public HttpCseClient(String baseUrl, HttpClientConfig config) {
        this(baseUrl, config, Ts0009Codec.json());
    }

    public HttpCseClient(String baseUrl, HttpClientConfig config, Ts0009Codec codec) {
        if (!HttpTransport.isHttpUrl(baseUrl)) {
            throw new IllegalArgumentException("the CSE base URL must be http:// or https://, got " + baseUrl);
        }
        this.baseUrl = URI.create(baseUrl);
        this.transport = new HttpTransport(config, codec);
    }

    @Override
    public Response send(Request request) {
        WireRequest wire;
        try {
            wire = transport.codec().encodeRequest(request, HttpTransport.pathPrefix(baseUrl));
        } catch (IllegalArgumentException e) {
            return Response.error(ResponseStatusCode.BAD_REQUEST, e.getMessage()).withRequestId(request.requestId());
        }
        return transport.exchange(HttpTransport.origin(baseUrl), wire, request);
    }

    public String baseUrl() {
        return baseUrl.toString();
    }

    @Override
    public void close() {
        transport.close();
    }
}
