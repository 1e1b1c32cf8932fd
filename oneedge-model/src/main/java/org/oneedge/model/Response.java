package org.oneedge.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A oneM2M response primitive (TS-0004 7.2.1.2), independent of any transport.
 *
 * @param statusCode      {@code rsc}
 * @param requestId       {@code rqi}, echoed from the request
 * @param content         {@code pc}, or null
 * @param from            {@code fr}, the responding CSE, or null
 * @param to              {@code to}, the originator of the request, or null
 * @param releaseVersion  {@code rvi}
 * @param contentLocation the created resource's address, sent as {@code Content-Location} over HTTP, or null
 * @param contentStatus   {@code cnst}: 1 partial, 2 full, or null
 * @param contentOffset   {@code cnot}, or null
 * @param originatingTimestamp {@code ot}, or null
 */
public record Response(
        ResponseStatusCode statusCode,
        String requestId,
        JsonNode content,
        String from,
        String to,
        String releaseVersion,
        String contentLocation,
        Integer contentStatus,
        Integer contentOffset,
        String originatingTimestamp) {

    public Response {
        if (statusCode == null) {
            throw new IllegalArgumentException("statusCode is mandatory");
        }
    }

    public static Response of(ResponseStatusCode statusCode, JsonNode content) {
        return new Response(statusCode, null, content, null, null, null, null, null, null, null);
    }

    /** An error response carrying {@code {"m2m:dbg": message}} so the originator learns what was wrong. */
    public static Response error(ResponseStatusCode statusCode, String message) {
        ObjectNode dbg = JsonNodeFactory.instance.objectNode();
        dbg.put("m2m:dbg", message);
        return of(statusCode, dbg);
    }

    public boolean isSuccess() {
        return statusCode.isSuccess();
    }

    /** The {@code m2m:dbg} text of an error response, or null. */
    public String debugMessage() {
        return content != null && content.hasNonNull("m2m:dbg") ? content.get("m2m:dbg").asText() : null;
    }

    public Response withRequestId(String rqi) {
        return new Response(statusCode, rqi, content, from, to, releaseVersion, contentLocation, contentStatus,
                contentOffset, originatingTimestamp);
    }

    public Response withFrom(String fr) {
        return new Response(statusCode, requestId, content, fr, to, releaseVersion, contentLocation, contentStatus,
                contentOffset, originatingTimestamp);
    }

    public Response withTo(String target) {
        return new Response(statusCode, requestId, content, from, target, releaseVersion, contentLocation,
                contentStatus, contentOffset, originatingTimestamp);
    }

    public Response withReleaseVersion(String rvi) {
        return new Response(statusCode, requestId, content, from, to, rvi, contentLocation, contentStatus,
                contentOffset, originatingTimestamp);
    }

    public Response withContentLocation(String location) {
        return new Response(statusCode, requestId, content, from, to, releaseVersion, location, contentStatus,
                contentOffset, originatingTimestamp);
    }

    public Response withContentStatus(Integer cnst, Integer cnot) {
        return new Response(statusCode, requestId, content, from, to, releaseVersion, contentLocation, cnst, cnot,
                originatingTimestamp);
    }

    public Response withOriginatingTimestamp(String ot) {
        return new Response(statusCode, requestId, content, from, to, releaseVersion, contentLocation, contentStatus,
                contentOffset, ot);
    }
}
