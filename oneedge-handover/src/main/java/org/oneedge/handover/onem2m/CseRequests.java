package org.oneedge.handover.onem2m;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;

/**
 * The few oneM2M primitives the handover parts send to a CSE (TS-0004 7.3), built with one originator and numbered
 * request ids, so the parts that store state as resources read as what they do.
 */
public final class CseRequests {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final CseClient cse;
    private final String originator;
    private final String prefix;

    public CseRequests(CseClient cse, String originator) {
        this.cse = cse;
        this.originator = originator;
        this.prefix = "ho-" + Long.toHexString(System.nanoTime()) + "-";
    }

    public CseClient client() {
        return cse;
    }

    public String originator() {
        return originator;
    }

    public Response create(String parent, ResourceType type, JsonNode content) {
        return cse.send(base(Operation.CREATE, parent).resourceType(type).content(content).build());
    }

    public Response retrieve(String target) {
        return cse.send(base(Operation.RETRIEVE, target).build());
    }

    public Response update(String target, JsonNode content) {
        return cse.send(base(Operation.UPDATE, target).content(content).build());
    }

    public Response delete(String target) {
        return cse.send(base(Operation.DELETE, target).build());
    }

    private Request.Builder base(Operation operation, String target) {
        return Request.builder().operation(operation).to(target).from(originator).releaseVersion("3")
                .requestId(prefix + SEQUENCE.incrementAndGet());
    }
}
