package org.oneedge.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The primitives a polling channel carries as content (TS-0004 7.4.22, digest §2.7/§8.3): the CSE hands a queued
 * request out as {@code m2m:rqp} and the polling entity (an AE, or a CSE registered with {@code rr=false}) posts its
 * answer back to {@code pcu} as {@code m2m:rsp}, both with short member names. One place for both sides of the wire.
 */
public final class PollingPrimitives {

    private PollingPrimitives() {
    }

    /** {@code {"m2m:rqp":{op,to,fr,rqi,rvi,ty,pc,ec,ot,rqet}}}; absent parameters are left out. */
    public static ObjectNode requestPrimitive(Request r) {
        ObjectNode out = ContentCodec.object();
        ObjectNode rqp = out.putObject("m2m:rqp");
        rqp.put("op", r.operation().code());
        rqp.put("to", r.to());
        putIfSet(rqp, "fr", r.from());
        rqp.put("rqi", r.requestId());
        putIfSet(rqp, "rvi", r.releaseVersion());
        if (r.resourceType() != null) {
            rqp.put("ty", r.resourceType());
        }
        if (r.content() != null) {
            rqp.set("pc", r.content());
        }
        putIfSet(rqp, "ec", r.eventCategory());
        putIfSet(rqp, "ot", r.originatingTimestamp());
        putIfSet(rqp, "rqet", r.requestExpirationTimestamp());
        return out;
    }

    /** The request inside an {@code m2m:rqp} object (the value of that member, not the wrapper). */
    public static Request request(JsonNode rqp) {
        Request.Builder r = Request.builder()
                .operation(Operation.of(rqp.path("op").asInt()))
                .to(text(rqp, "to"))
                .from(text(rqp, "fr"))
                .requestId(text(rqp, "rqi"))
                .releaseVersion(text(rqp, "rvi"))
                .eventCategory(text(rqp, "ec"))
                .originatingTimestamp(text(rqp, "ot"))
                .requestExpirationTimestamp(text(rqp, "rqet"))
                .content(rqp.get("pc"));
        if (rqp.hasNonNull("ty")) {
            r.resourceType(rqp.get("ty").asInt());
        }
        return r.build();
    }

    /** {@code {"m2m:rsp":{"rqi":…,"rsc":…[,"pc":…]}}}: the answer to the polled request {@code rqi}. */
    public static ObjectNode responsePrimitive(String rqi, Response response) {
        ObjectNode rsp = ContentCodec.object();
        ObjectNode inner = rsp.putObject("m2m:rsp");
        inner.put("rqi", rqi).put("rsc", response.statusCode().code());
        if (response.content() != null) {
            inner.set("pc", response.content());
        }
        return rsp;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
