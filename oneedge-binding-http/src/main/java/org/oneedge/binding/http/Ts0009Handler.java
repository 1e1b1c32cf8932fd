package org.oneedge.binding.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;
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
 * Jetty handler that turns each HTTP request into a oneM2M {@link Request}, hands it to a {@link CseClient} and writes
 * the {@link Response} back (TS-0009 6). Runs on a virtual thread per request (blocking invocation type).
 * <pre>
 *   bytes -&gt; Jetty -&gt; [size check] -&gt; WireRequest -&gt; Ts0009Codec.decodeRequest -&gt; CseClient.send
 *         &lt;- Jetty &lt;- WireResponse &lt;- Ts0009Codec.encodeResponse &lt;- Response
 * </pre>
 * Bad input never reaches the CSE: it is answered here with the status code the codec chose.
 */
final class Ts0009Handler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(Ts0009Handler.class);

    private final CseClient cse;
    private final Ts0009Codec codec;
    private final int maxBodyBytes;
    private final HeaderGate gate;

    Ts0009Handler(CseClient cse, Ts0009Codec codec, int maxBodyBytes, HeaderGate gate) {
        this.cse = cse;
        this.codec = codec;
        this.maxBodyBytes = maxBodyBytes;
        this.gate = gate;
    }

    @Override
    public boolean handle(org.eclipse.jetty.server.Request http, org.eclipse.jetty.server.Response out,
                         Callback callback) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField f : http.getHeaders()) {
            headers.putIfAbsent(f.getName(), f.getValue());
        }
        String rqi = headers.get(Ts0009Headers.REQUEST_ID);
        String rvi = headers.get(Ts0009Headers.RELEASE_VERSION);
        ContentCodec answerCodec = null;
        Response response;
        try {
            if (!Ts0009Codec.isMappedMethod(http.getMethod())) {
                out.getHeaders().put(Ts0009Headers.ALLOW, Ts0009Codec.ALLOWED_METHODS);
            }
            answerCodec = codec.negotiate(firstHeader(http, Ts0009Headers.ACCEPT),
                    firstHeader(http, Ts0009Headers.CONTENT_TYPE));
            Map<String, String> admitted = gate.admit(new WireRequest(http.getMethod(), "/", null, headers, null));
            byte[] body = readBody(http);
            WireRequest wire = new WireRequest(http.getMethod(), http.getHttpURI().getPath(),
                    http.getHttpURI().getQuery(), admitted, body);
            Request request = codec.decodeRequest(wire);
            response = cse.send(request);
            if (response == null) {
                response = Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR, "the CSE returned no response");
            }
            LOG.debug("{} {} rqi={} fr={} -> {}", http.getMethod(), request.to(), rqi, request.from(),
                    response.statusCode().code());
        } catch (BodyTooLarge e) {
            // The rest of the body is not read: close the connection after answering rather than drain it.
            out.getHeaders().put(HttpHeader.CONNECTION, "close");
            LOG.debug("{} {} rqi={} refused: {}", http.getMethod(), http.getHttpURI().getPath(), rqi, e.getMessage());
            response = e.toResponse();
        } catch (OneM2MException e) {
            LOG.debug("{} {} rqi={} refused: {} {}", http.getMethod(), http.getHttpURI().getPath(), rqi,
                    e.statusCode().code(), e.getMessage());
            response = e.toResponse();
        } catch (RuntimeException | IOException e) {
            LOG.warn("{} {} rqi={} failed in the handler", http.getMethod(), http.getHttpURI().getPath(), rqi, e);
            response = Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR,
                    "internal error while handling the request: " + e);
        }
        WireResponse wire = codec.encodeResponse(response, rqi, rvi,
                answerCodec != null ? answerCodec : codec.negotiate(null));
        out.setStatus(wire.status());
        wire.headers().forEach((k, v) -> out.getHeaders().put(k, v));
        out.getHeaders().put(HttpHeader.CONTENT_LENGTH, wire.body().length);
        out.write(true, ByteBuffer.wrap(wire.body()), callback);
        return true;
    }

    /** Reads the body, refusing one over the limit (declared or actual) with 4000 before storing it. */
    private byte[] readBody(org.eclipse.jetty.server.Request http) throws IOException {
        long declared = http.getLength();
        if (declared > maxBodyBytes) {
            throw tooLarge(declared);
        }
        if (declared == 0 || (declared < 0 && !http.getHeaders().contains(HttpHeader.TRANSFER_ENCODING))) {
            return new byte[0]; // HTTP/1.1: no Content-Length and no Transfer-Encoding means no body
        }
        try (InputStream in = Content.Source.asInputStream(http)) {
            if (declared > 0) {
                // read exactly the declared length: reading on to end-of-stream costs another round trip per request
                return in.readNBytes((int) declared);
            }
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge(declared >= 0 ? declared : body.length);
            }
            return body;
        }
    }

    /**
     * TS-0009 has no mapping for HTTP 413; an oversized body is the originator's fault, so 4000 BAD_REQUEST
     * (5207 NOT_ACCEPTABLE is for an Accept that cannot be met).
     */
    private BodyTooLarge tooLarge(long size) {
        String n = size >= 0 ? String.valueOf(size) : "more than " + maxBodyBytes;
        return new BodyTooLarge("request body of " + n + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
    }

    /** A body over the limit: 4000, and the connection is closed after the answer. */
    private static final class BodyTooLarge extends OneM2MException {
        BodyTooLarge(String message) {
            super(ResponseStatusCode.BAD_REQUEST, message);
        }
    }

    private static String firstHeader(org.eclipse.jetty.server.Request http, String name) {
        return http.getHeaders().get(name);
    }
}
