package org.oneedge.binding.http;

import java.net.URI;
import org.oneedge.binding.http.wire.Ts0009Codec;
import org.oneedge.binding.http.wire.WireRequest;
import org.oneedge.model.Operation;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Sends requests to {@code http://} and {@code https://} points of access (TS-0009 client side): notifications,
 * verification requests and requests forwarded to remote CSEs. Never throws; transport failures come back as
 * 5103 TARGET_NOT_REACHABLE or 4008 REQUEST_TIMEOUT.
 *
 * <p>Where the request goes:
 * <ul>
 *   <li>{@code to} is itself an http(s) URL: to that URL;</li>
 *   <li>NOTIFY whose {@code to} is CSE-relative (an AE-ID, a subscriber's resource id): POST to the point of access
 *       as given, path and query included (a notification endpoint, TS-0009 6.2.1 / ACME);</li>
 *   <li>otherwise (forwarding over Mcc, NOTIFY to an SP-relative or absolute id): the point of access's path plus
 *       the path mapped from {@code to} ({@code /~/id-mn/cse-mn/AE1} …) and the query of the request.</li>
 * </ul>
 */
public final class HttpRemoteSender implements RemoteSender, AutoCloseable {

    private final HttpTransport transport;

    public HttpRemoteSender() {
        this(HttpClientConfig.defaults());
    }

    public HttpRemoteSender(HttpClientConfig config) {
        this(config, Ts0009Codec.json());
    }

    public HttpRemoteSender(HttpClientConfig config, Ts0009Codec codec) {
        this.transport = new HttpTransport(config, codec);
    }

    @Override
    public boolean supports(String pointOfAccess) {
        return HttpTransport.isHttpUrl(pointOfAccess);
    }

    @Override
    public Response send(String pointOfAccess, Request request) {
        URI poa;
        try {
            poa = URI.create(HttpTransport.isHttpUrl(request.to()) ? request.to() : pointOfAccess);
            if (!supports(poa.toString()) || poa.getRawAuthority() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            return Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE,
                    "cannot send to point of access '" + pointOfAccess + "': " + e.getMessage())
                    .withRequestId(request.requestId());
        }
        WireRequest wire;
        try {
            wire = asIs(request, poa)
                    ? transport.codec().encodeRequest(request, poa.getRawPath() == null || poa.getRawPath().isEmpty()
                            ? "/" : poa.getRawPath(), poa.getRawQuery())
                    : transport.codec().encodeRequest(request, HttpTransport.pathPrefix(poa));
        } catch (IllegalArgumentException e) {
            return Response.error(ResponseStatusCode.BAD_REQUEST, e.getMessage()).withRequestId(request.requestId());
        }
        return transport.exchange(HttpTransport.origin(poa), wire, request);
    }

    private static boolean asIs(Request request, URI poa) {
        if (HttpTransport.isHttpUrl(request.to())) {
            return true;
        }
        return request.operation() == Operation.NOTIFY && !request.to().startsWith("/");
    }

    @Override
    public void close() {
        transport.close();
    }
}
