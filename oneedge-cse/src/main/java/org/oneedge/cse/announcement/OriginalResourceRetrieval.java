package org.oneedge.cse.announcement;

import com.fasterxml.jackson.databind.JsonNode;
import org.oneedge.cse.CseConfig;
import org.oneedge.model.Address;
import org.oneedge.model.CseClient;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.ResultContent;

/**
 * RETRIEVE with {@code rcn=7} (original resource, TS-0004 7.3.3.17, digest §2.5 and §8.2) on an announced resource
 * at this CSE: reads the copy's {@code lnk} and retrieves the original there, as the requesting originator, so the
 * original's access control policies decide. On a resource that is not announced the request gets 4000.
 */
final class OriginalResourceRetrieval {

    private final CseConfig config;
    private final CseClient cse;

    OriginalResourceRetrieval(CseConfig config, CseClient cse) {
        this.config = config;
        this.cse = cse;
    }

    /** Null to let the engine handle every other request. */
    Response retrieve(Request request) {
        if (request.operation() != Operation.RETRIEVE || request.resultContent() == null
                || request.resultContent() != ResultContent.ORIGINAL_RESOURCE.code()
                || (request.filterCriteria() != null && request.filterCriteria().isDiscovery())) {
            return null;
        }
        try {
            if (!Address.parse(request.to()).targetsCse(config.cseId(), config.spId())) {
                return null; // the hosting CSE of the copy answers
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        Response copy = cse.send(request.toBuilder().from(config.adminOriginator()).resultContent(null)
                .requestId(request.requestId() + "-annc").build());
        if (copy.statusCode() != ResponseStatusCode.OK || copy.content() == null || !copy.content().isObject()
                || copy.content().size() != 1) {
            return copy;
        }
        JsonNode attributes = copy.content().elements().next();
        int ty = attributes.path("ty").asInt();
        String lnk = attributes.path("lnk").asText("");
        if (ty <= 10000 || lnk.isEmpty()) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "rcn=7 (original resource) applies to announced"
                    + " resources only; '" + request.to() + "' is of type " + ty + ", not an announced type (10000+ty)");
        }
        return cse.send(request.toBuilder().to(lnk).resultContent(null).build());
    }
}
