package org.oneedge.cse.polling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.Request;

/** Writes a queued request as the {@code m2m:rqp} a poll returns (TS-0004 7.4.22, digest §2.7/§8.3). */
final class Primitives {

    private Primitives() {
    }

    /** {@code {"m2m:rqp":{op,to,fr,rqi,rvi,pc,…}}} with short names; absent parameters are left out. */
    static ObjectNode requestPrimitive(Request r) {
        ObjectNode out = ContentCodec.object();
        ObjectNode rqp = out.putObject("m2m:rqp");
        rqp.put("op", r.operation().code());
        rqp.put("to", r.to());
        if (r.from() != null) {
            rqp.put("fr", r.from());
        }
        rqp.put("rqi", r.requestId());
        if (r.releaseVersion() != null) {
            rqp.put("rvi", r.releaseVersion());
        }
        if (r.resourceType() != null) {
            rqp.put("ty", r.resourceType());
        }
        if (r.content() != null) {
            rqp.set("pc", r.content());
        }
        if (r.eventCategory() != null) {
            rqp.put("ec", r.eventCategory());
        }
        if (r.originatingTimestamp() != null) {
            rqp.put("ot", r.originatingTimestamp());
        }
        if (r.requestExpirationTimestamp() != null) {
            rqp.put("rqet", r.requestExpirationTimestamp());
        }
        return out;
    }
}
