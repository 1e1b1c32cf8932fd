package org.oneedge.binding.http.wire;

import org.oneedge.model.TimestampCodec;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The oneM2M HTTP binding mapping (TS-0009 6), both directions, in one class so that server and client cannot drift:
 * <pre>
 *  server:  WireRequest --decodeRequest--&gt; Request --CseClient--&gt; Response --encodeResponse--&gt; WireResponse
 *  client:  Request --encodeRequest--&gt; WireRequest --java.net.http--&gt; WireResponse --decodeResponse--&gt; Response
 * </pre>
 * Content is read and written by the {@link ContentCodec}s given ({@link JsonContentCodec}, {@link CborContentCodec}).
 */
public final class Ts0009Codec {

    /** The methods the binding maps (TS-0009 6.2.1), for the {@code Allow} header of a 4005 answer. */
    public static final String ALLOWED_METHODS = "GET, PUT, POST, DELETE";

    private final List<ContentCodec> codecs;
    private final Clock clock;

    public Ts0009Codec(List<ContentCodec> codecs, Clock clock) {
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("at least one content codec is needed");
        }
        this.codecs = List.copyOf(codecs);
        this.clock = clock;
    }

    /** JSON only, system clock. */
    public static Ts0009Codec json() {
        return new Ts0009Codec(List.of(new JsonContentCodec()), Clock.systemUTC());
    }

    /** JSON (the default) and CBOR, system clock: what a server accepts and answers in. */
    public static Ts0009Codec jsonAndCbor() {
        return new Ts0009Codec(List.of(new JsonContentCodec(), new CborContentCodec()), Clock.systemUTC());
    }

    // ---------------------------------------------------------------- server side

    /**
     * Decodes an HTTP request into a request primitive.
     *
     * @throws OneM2MException with the status code to answer: 4005 unknown method, 4015 unsupported media type,
     *                         4000 missing {@code X-M2M-RI}, bad query value, bad {@code ty}, malformed content
     */
    public Request decodeRequest(WireRequest wire) {
        if (!isMappedMethod(wire.method())) {
            throw new OneM2MException(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                    "method " + wire.method() + " is not allowed; use one of " + ALLOWED_METHODS);
        }
        String contentTypeHeader = wire.header(Ts0009Headers.CONTENT_TYPE);
        MediaType contentType = null;
        if (contentTypeHeader != null && !contentTypeHeader.isBlank()) {
            contentType = parseContentType(contentTypeHeader);
        } else if (wire.body().length > 0) {
            throw new OneM2MException(ResponseStatusCode.UNSUPPORTED_MEDIA_TYPE,
                    "a request with a body needs a Content-Type, e.g. application/json");
        }
        ContentCodec codec = contentType == null ? codecs.get(0) : codecFor(contentType);
        Integer ty = contentType == null ? null : resourceType(contentType);

        Operation operation = switch (wire.method()) {
            case "GET" -> Operation.RETRIEVE;
            case "PUT" -> Operation.UPDATE;
            case "DELETE" -> Operation.DELETE;
            case "POST" -> ty == null ? Operation.NOTIFY : Operation.CREATE;
            default -> throw new OneM2MException(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                    "method " + wire.method() + " is not allowed; use one of " + ALLOWED_METHODS);
        };

        String requestId = wire.header(Ts0009Headers.REQUEST_ID);
        if (requestId == null || requestId.isBlank()) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "missing " + Ts0009Headers.REQUEST_ID + " header: the request identifier is mandatory");
        }

        String to;
        try {
            to = RequestTarget.fromPath(wire.path());
        } catch (IllegalArgumentException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "request path: " + e.getMessage());
        }

        Request.Builder request = Request.builder()
                .operation(operation)
                .to(to)
                .from(blankToNull(wire.header(Ts0009Headers.ORIGIN)))
                .requestId(requestId)
                .resourceType(ty) // the engine refuses ty on anything but CREATE (NP, digest §2.1)
                .releaseVersion(blankToNull(wire.header(Ts0009Headers.RELEASE_VERSION)))
                .eventCategory(blankToNull(wire.header(Ts0009Headers.EVENT_CATEGORY)))
                .originatingTimestamp(blankToNull(wire.header(Ts0009Headers.ORIGINATING_TIMESTAMP)))
                .requestExpirationTimestamp(blankToNull(wire.header(Ts0009Headers.REQUEST_EXPIRATION)))
                .resultExpirationTimestamp(blankToNull(wire.header(Ts0009Headers.RESULT_EXPIRATION)))
                .operationExecutionTime(blankToNull(wire.header(Ts0009Headers.OPERATION_EXECUTION_TIME)))
                .vendorInformation(blankToNull(wire.header(Ts0009Headers.VENDOR_INFORMATION)))
                .groupRequestIdentifier(blankToNull(wire.header(Ts0009Headers.GROUP_REQUEST_ID)))
                .responseTargets(splitNonEmpty(wire.header(Ts0009Headers.RESPONSE_TARGETS), "&"))
                .tokens(tokensFromAuthorization(wire.header(Ts0009Headers.AUTHORIZATION)));
        QueryMapping.decode(wire.rawQuery(), request);
        if (wire.body().length > 0) {
            JsonNode content = codec.decode(wire.body());
            if (!content.isObject()) {
                throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                        "content must be an object such as {\"m2m:cnt\":{...}}, got " + content.getNodeType());
            }
            request.content(content);
        }
        return request.build();
    }

    /**
     * The codec to answer with for an {@code Accept} header (absent or wildcard: the first codec, JSON).
     *
     * @throws OneM2MException NOT_ACCEPTABLE (5207) when no listed media type can be produced
     */
    public ContentCodec negotiate(String accept) {
        return negotiate(accept, null);
    }

    /**
     * The codec to answer with for an {@code Accept} header; when it is absent or a wildcard, the codec of the
     * request's {@code Content-Type} (a CBOR request gets a CBOR answer), else the first codec (JSON).
     *
     * @param contentType the request's {@code Content-Type} header, or null
     * @throws OneM2MException NOT_ACCEPTABLE (5207) when no listed media type can be produced
     */
    public ContentCodec negotiate(String accept, String contentType) {
        ContentCodec fallback = codecs.get(0);
        if (contentType != null && !contentType.isBlank()) {
            try {
                MediaType requestType = MediaType.parse(contentType);
                for (ContentCodec c : codecs) {
                    if (c.handles(requestType)) {
                        fallback = c;
                        break;
                    }
                }
            } catch (IllegalArgumentException e) {
                // decodeRequest reports the bad Content-Type
            }
        }
        if (accept == null || accept.isBlank()) {
            return fallback;
        }
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseList(accept);
        } catch (IllegalArgumentException e) {
            throw new OneM2MException(ResponseStatusCode.NOT_ACCEPTABLE, "Accept: " + e.getMessage());
        }
        for (MediaType m : wanted) {
            if (m.isWildcard() && ("*".equals(m.type()) || "application".equals(m.type()))) {
                return fallback;
            }
            for (ContentCodec c : codecs) {
                if (c.handles(m)) {
                    return c;
                }
            }
        }
        throw new OneM2MException(ResponseStatusCode.NOT_ACCEPTABLE,
                "cannot answer in " + accept + "; supported: " + supportedMediaTypes());
    }

    /**
     * Encodes a response primitive (TS-0009 6.3, digest 2.2): HTTP status from the rsc, {@code X-M2M-RSC},
     * {@code X-M2M-RI} and {@code X-M2M-RVI} (echoed from the request when the response has none),
     * {@code X-M2M-OT} (now when the response has none), optional {@code X-M2M-Origin}, {@code Content-Location},
     * {@code X-M2M-CTS}/{@code X-M2M-CTO}, and the content in the negotiated format.
     */
    public WireResponse encodeResponse(Response response, String requestId, String releaseVersion,
                                       ContentCodec codec) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Ts0009Headers.RESPONSE_STATUS_CODE, String.valueOf(response.statusCode().code()));
        putIfPresent(headers, Ts0009Headers.REQUEST_ID,
                response.requestId() != null ? response.requestId() : requestId);
        putIfPresent(headers, Ts0009Headers.RELEASE_VERSION,
                response.releaseVersion() != null ? response.releaseVersion() : releaseVersion);
        headers.put(Ts0009Headers.ORIGINATING_TIMESTAMP, response.originatingTimestamp() != null
                ? response.originatingTimestamp() : TimestampCodec.formatExact(clock.instant(), 6));
        putIfPresent(headers, Ts0009Headers.ORIGIN, response.from());
        putIfPresent(headers, Ts0009Headers.CONTENT_LOCATION, response.contentLocation());
        putIfPresent(headers, Ts0009Headers.CONTENT_STATUS, response.contentStatus());
        putIfPresent(headers, Ts0009Headers.CONTENT_OFFSET, response.contentOffset());
        byte[] body = new byte[0];
        if (response.content() != null && !response.content().isNull()) {
            body = codec.encode(response.content());
            headers.put(Ts0009Headers.CONTENT_TYPE, codec.mediaType());
        }
        return new WireResponse(response.statusCode().httpStatus(), headers, body);
    }

    // ---------------------------------------------------------------- client side

    /**
     * Encodes a request primitive as an HTTP request whose path is {@code pathPrefix} + the mapped {@code to}.
     *
     * @param pathPrefix a path the target is appended to, e.g. "" or "/base" (no trailing slash)
     * @throws IllegalArgumentException for a CREATE without resource type (it would read as a NOTIFY)
     */
    public WireRequest encodeRequest(Request request, String pathPrefix) {
        return encodeRequest(request, pathPrefix + RequestTarget.toPath(request.to()), QueryMapping.encode(request));
    }

    /** Encodes a request sent to a fixed path and query (a notification URL), ignoring {@code to}. */
    public WireRequest encodeRequest(Request request, String path, String rawQuery) {
        Map<String, String> headers = new LinkedHashMap<>();
        putIfPresent(headers, Ts0009Headers.ORIGIN, request.from());
        putIfPresent(headers, Ts0009Headers.REQUEST_ID, request.requestId());
        putIfPresent(headers, Ts0009Headers.RELEASE_VERSION, request.releaseVersion());
        putIfPresent(headers, Ts0009Headers.EVENT_CATEGORY, request.eventCategory());
        putIfPresent(headers, Ts0009Headers.ORIGINATING_TIMESTAMP, request.originatingTimestamp());
        putIfPresent(headers, Ts0009Headers.REQUEST_EXPIRATION, request.requestExpirationTimestamp());
        putIfPresent(headers, Ts0009Headers.RESULT_EXPIRATION, request.resultExpirationTimestamp());
        putIfPresent(headers, Ts0009Headers.OPERATION_EXECUTION_TIME, request.operationExecutionTime());
        putIfPresent(headers, Ts0009Headers.VENDOR_INFORMATION, request.vendorInformation());
        putIfPresent(headers, Ts0009Headers.GROUP_REQUEST_ID, request.groupRequestIdentifier());
        if (!request.responseTargets().isEmpty()) {
            headers.put(Ts0009Headers.RESPONSE_TARGETS, String.join("&", request.responseTargets()));
        }
        putIfPresent(headers, Ts0009Headers.AUTHORIZATION, authorizationFromTokens(request.tokens()));
        ContentCodec codec = codecs.get(0);
        headers.put(Ts0009Headers.ACCEPT, codec.mediaType());
        String method = switch (request.operation()) {
            case CREATE -> "POST";
            case RETRIEVE -> "GET";
            case UPDATE -> "PUT";
            case DELETE -> "DELETE";
            case NOTIFY -> "POST";
        };
        if (request.operation() == Operation.CREATE) {
            if (request.resourceType() == null) {
                throw new IllegalArgumentException("a CREATE needs a resource type (ty)");
            }
            headers.put(Ts0009Headers.CONTENT_TYPE, codec.mediaType() + ";ty=" + request.resourceType());
        } else if (request.content() != null) {
            headers.put(Ts0009Headers.CONTENT_TYPE, codec.mediaType());
        }
        byte[] body = request.content() == null ? new byte[0] : codec.encode(request.content());
        return new WireRequest(method, path, rawQuery, headers, body);
    }

    /**
     * Decodes an HTTP response into a response primitive. A peer that sends no (or an unknown) {@code X-M2M-RSC}
     * (a plain web hook answering a notification) gets the code nearest to its HTTP status.
     */
    public Response decodeResponse(WireResponse wire) {
        ResponseStatusCode rsc = statusCode(wire);
        JsonNode content = null;
        if (wire.body().length > 0) {
            try {
                String ct = wire.header(Ts0009Headers.CONTENT_TYPE);
                ContentCodec codec = ct == null ? codecs.get(0) : codecFor(parseContentType(ct));
                content = codec.decode(wire.body());
            } catch (OneM2MException e) {
                return Response.error(rsc, "unreadable response body (HTTP " + wire.status() + "): " + e.getMessage())
                        .withRequestId(wire.header(Ts0009Headers.REQUEST_ID));
            }
        }
        return new Response(rsc, wire.header(Ts0009Headers.REQUEST_ID), content, wire.header(Ts0009Headers.ORIGIN),
                null, wire.header(Ts0009Headers.RELEASE_VERSION), wire.header(Ts0009Headers.CONTENT_LOCATION),
                intOrNull(wire.header(Ts0009Headers.CONTENT_STATUS)),
                intOrNull(wire.header(Ts0009Headers.CONTENT_OFFSET)),
                wire.header(Ts0009Headers.ORIGINATING_TIMESTAMP));
    }

    // ---------------------------------------------------------------- helpers

    private MediaType parseContentType(String header) {
        try {
            return MediaType.parse(header);
        } catch (IllegalArgumentException e) {
            throw new OneM2MException(ResponseStatusCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type: " + e.getMessage());
        }
    }

    private ContentCodec codecFor(MediaType contentType) {
        for (ContentCodec c : codecs) {
            if (c.handles(contentType)) {
                return c;
            }
        }
        throw new OneM2MException(ResponseStatusCode.UNSUPPORTED_MEDIA_TYPE, "unsupported media type "
                + contentType.essence() + "; supported: " + supportedMediaTypes());
    }

    private String supportedMediaTypes() {
        List<String> names = new ArrayList<>();
        for (ContentCodec c : codecs) {
            names.add(c.mediaType());
        }
        if (names.contains("application/json")) {
            names.add("application/vnd.onem2m-res+json");
        }
        if (names.contains("application/cbor")) {
            names.add("application/vnd.onem2m-res+cbor");
        }
        return String.join(", ", names);
    }

    private static Integer resourceType(MediaType contentType) {
        String ty = contentType.parameters().get("ty");
        if (ty == null) {
            return null;
        }
        try {
            return Integer.valueOf(ty);
        } catch (NumberFormatException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "ty in Content-Type must be a resource type number, got '" + ty + "'");
        }
    }

    private static ResponseStatusCode statusCode(WireResponse wire) {
        Integer rsc = intOrNull(wire.header(Ts0009Headers.RESPONSE_STATUS_CODE));
        if (rsc != null) {
            var known = ResponseStatusCode.of(rsc);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return statusCodeForHttp(wire.status());
    }

    /**
     * The response status code nearest to a bare HTTP status, for answers that carry no {@code X-M2M-RSC}: a plain
     * web hook, or an error the HTTP stack produced before the oneM2M mapping ran (431, 414, ...).
     */
    public static ResponseStatusCode statusCodeForHttp(int s) {
        return switch (s) {
            case 200, 204 -> ResponseStatusCode.OK;
            case 201 -> ResponseStatusCode.CREATED;
            case 202 -> ResponseStatusCode.ACCEPTED;
            case 400 -> ResponseStatusCode.BAD_REQUEST;
            case 403 -> ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE;
            case 404 -> ResponseStatusCode.NOT_FOUND;
            case 405 -> ResponseStatusCode.OPERATION_NOT_ALLOWED;
            case 406 -> ResponseStatusCode.NOT_ACCEPTABLE;
            case 409 -> ResponseStatusCode.CONFLICT;
            case 415 -> ResponseStatusCode.UNSUPPORTED_MEDIA_TYPE;
            case 501 -> ResponseStatusCode.NOT_IMPLEMENTED;
            case 504 -> ResponseStatusCode.REQUEST_TIMEOUT;
            default -> s >= 200 && s < 300 ? ResponseStatusCode.OK
                    : s >= 400 && s < 500 ? ResponseStatusCode.BAD_REQUEST
                    : ResponseStatusCode.INTERNAL_SERVER_ERROR;
        };
    }

    /**
     * Tokens travel in {@code Authorization} (digest 2.1): {@code Bearer t1+t2}. Any other scheme (Basic, …) is kept
     * whole as the single token, so it reaches the CSE as sent.
     */
    static List<String> tokensFromAuthorization(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        String h = header.trim();
        if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return splitNonEmpty(h.substring(7).trim(), "+");
        }
        return List.of(h);
    }

    static String authorizationFromTokens(List<String> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1 && tokens.get(0).contains(" ")) {
            return tokens.get(0);
        }
        return "Bearer " + String.join("+", tokens);
    }

    private static List<String> splitNonEmpty(String value, String separator) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(java.util.regex.Pattern.quote(separator)))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void putIfPresent(Map<String, String> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value.toString());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Integer intOrNull(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True for the four methods TS-0009 maps to operations. */
    public static boolean isMappedMethod(String method) {
        return switch (method) {
            case "GET", "PUT", "POST", "DELETE" -> true;
            default -> false;
        };
    }
}
