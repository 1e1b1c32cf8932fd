package org.oneedge.cse.access;

import org.oneedge.cse.resource.AccessChecker;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AccessChecker} that enforces {@code <accessControlPolicy>} resources (TS-0003 7.1, digest §5), by
 * handing each check to an {@link AccessControlEvaluator} over the engine's store. An UPDATE carrying {@code acpi}
 * is judged by the {@code pvs} of the policies currently referenced instead of their {@code pv}.
 */
public final class AclAccessChecker implements AccessChecker {

    private static final Logger LOG = LoggerFactory.getLogger(AclAccessChecker.class);

    private final AccessControlEvaluator evaluator;

    public AclAccessChecker(AccessControlEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * @param cseId           the CSE's SP-relative CSE-ID, e.g. {@code /id-in}
     * @param spId            the SP-ID, e.g. {@code oneedge.example}
     * @param adminOriginator the originator that passes every check, e.g. {@code CAdmin}
     */
    public AclAccessChecker(ResourceStore store, String cseId, String spId, String adminOriginator, Clock clock) {
        this(new AccessControlEvaluator(store, new OriginatorId(cseId, spId), adminOriginator, clock));
    }

    @Override
    public boolean permits(String originator, int privilege, Resource target, Request request) {
        AccessDecision decision;
        if (privilege == Operation.UPDATE.privilege() && request.operation() == Operation.UPDATE
                && changesAcpi(request.content())) {
            decision = evaluator.decideAcpiUpdate(originator, target);
        } else {
            Integer childType = privilege == Operation.CREATE.privilege() ? request.resourceType() : null;
            decision = evaluator.decide(new AccessRequest(originator, privilege, childType), target);
        }
        if (!decision.granted()) {
            LOG.debug("access denied: {}", decision.reason());
        }
        return decision.granted();
    }

    /** The evaluator, for callers that need the reason of a denial (e.g. subscription verification). */
    public AccessControlEvaluator evaluator() {
        return evaluator;
    }

    private static boolean changesAcpi(JsonNode content) {
        if (content == null || !content.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> root : content.properties()) {
            if (root.getValue().isObject() && root.getValue().has("acpi")) {
                return true;
            }
        }
        return false;
    }
}
