package org.oneedge.binding.mqtt.primitive;

import static org.oneedge.binding.mqtt.primitive.PrimitiveFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * A {@link Response} as the bare short-name response primitive of TS-0004 7.2.1.2 / 8.4
 * ({@code {"rsc","rqi","pc","to","fr","rvi","ot","cnst","cnot"}}). {@link Response#contentLocation()} is an HTTP
 * header in TS-0009 and has no primitive member, so it does not travel over MQTT (the address is in {@code pc}).
 */
final class ResponseMapping {

    private ResponseMapping() {
    }

    static ObjectNode toJson(Response r) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("rsc", r.statusCode().code());
        put(n, "rqi", r.requestId());
        if (r.content() != null) {
            n.set("pc", r.content());
        }
        put(n, "to", r.to());
        put(n, "fr", r.from());
        put(n, "rvi", r.releaseVersion());
        put(n, "ot", r.originatingTimestamp());
        put(n, "cnst", r.contentStatus());
        put(n, "cnot", r.contentOffset());
        return n;
    }

    static Response fromJson(JsonNode n) {
        Integer rsc = integer(n, "rsc");
        if (rsc == null) {
            throw new IllegalArgumentException("rsc is mandatory");
        }
        ResponseStatusCode code = ResponseStatusCode.of(rsc)
                .orElseThrow(() -> new IllegalArgumentException("unknown rsc " + rsc));
        JsonNode pc = n.get("pc");
        return new Response(code, text(n, "rqi"), pc == null || pc.isNull() ? null : pc, text(n, "fr"),
                text(n, "to"), text(n, "rvi"), null, integer(n, "cnst"), integer(n, "cnot"), text(n, "ot"));
    }
}
