package org.oneedge.handover.onem2m;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.model.CseClient;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

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

    /**
     * Discovery (filter usage 1) below {@code parent} of the resources of {@code type} carrying {@code label}, down
     * to {@code level} levels; the structured paths found.
     *
     * @throws OneM2MException when the CSE does not answer 2000
     */
    public List<String> discover(String parent, ResourceType type, String label, int level) {
        FilterCriteria labelled = new FilterCriteria(1, null, List.of(type.ty()), List.of(label), List.of(), null,
                null, null, null, null, null, null, null, null, null, List.of(), null, null, level, null, Map.of());
        Response r = cse.send(base(Operation.RETRIEVE, parent).filterCriteria(labelled).build());
        if (r.statusCode() != ResponseStatusCode.OK) {
            throw new OneM2MException(r.statusCode(), "discovery of " + label + " below " + parent + ": "
                    + r.debugMessage());
        }
        List<String> paths = new ArrayList<>();
        r.content().path("m2m:uril").forEach(uri -> paths.add(uri.asText()));
        return paths;
    }

    private Request.Builder base(Operation operation, String target) {
        return Request.builder().operation(operation).to(target).from(originator).releaseVersion("3")
                .requestId(prefix + SEQUENCE.incrementAndGet());
    }
}
