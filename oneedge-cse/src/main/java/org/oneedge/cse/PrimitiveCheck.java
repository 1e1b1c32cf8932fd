package org.oneedge.cse;

import java.util.Set;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.ResultContent;
import org.oneedge.model.TimestampCodec;

/**
 * The checks on a request primitive before its target is looked at (TS-0004 7.2.1.1, 7.3.2, digest §2.1/§2.5):
 * release version, originator, resource type, result content and filter fields.
 */
final class PrimitiveCheck {

    /** The {@code rcn} values this engine produces per operation; other valid values get 5001. */
    private static final Set<ResultContent> CREATE_RCN = Set.of(ResultContent.NOTHING, ResultContent.ATTRIBUTES,
            ResultContent.HIERARCHICAL_ADDRESS, ResultContent.HIERARCHICAL_ADDRESS_AND_ATTRIBUTES,
            ResultContent.MODIFIED_ATTRIBUTES);
    private static final Set<ResultContent> TREE_RCN = Set.of(ResultContent.ATTRIBUTES,
            ResultContent.ATTRIBUTES_AND_CHILD_RESOURCES, ResultContent.ATTRIBUTES_AND_CHILD_RESOURCE_REFERENCES,
            ResultContent.CHILD_RESOURCE_REFERENCES, ResultContent.CHILD_RESOURCES,
            ResultContent.ORIGINAL_RESOURCE);
    private static final Set<ResultContent> UPDATE_RCN = Set.of(ResultContent.NOTHING, ResultContent.ATTRIBUTES,
            ResultContent.MODIFIED_ATTRIBUTES);
    private static final Set<ResultContent> DISCOVERY_RCN =
            Set.of(ResultContent.DISCOVERY_RESULT_REFERENCES, ResultContent.CHILD_RESOURCE_REFERENCES);

    private final CseConfig config;
    private final HandlerTable handlers;
    private final CreationClock clock;

    PrimitiveCheck(CseConfig config, HandlerTable handlers, CreationClock clock) {
        this.config = config;
        this.handlers = handlers;
        this.clock = clock;
    }

    /**
     * @return the result content to produce
     * @throws OneM2MException with the status code of the first problem found
     */
    ResultContent check(Request request) {
        String rvi = request.releaseVersion();
        if (rvi == null || rvi.isBlank()) {
            throw new OneM2MException(ResponseStatusCode.RELEASE_VERSION_NOT_SUPPORTED,
                    "the release version indicator (rvi) is missing; supported: "
                            + String.join(", ", config.supportedReleaseVersions()));
        }
        if (!config.supportedReleaseVersions().contains(rvi)) {
            throw new OneM2MException(ResponseStatusCode.RELEASE_VERSION_NOT_SUPPORTED,
                    "release version '" + rvi + "' is not supported; supported: "
                            + String.join(", ", config.supportedReleaseVersions()));
        }
        checkRequestExpiration(request.requestExpirationTimestamp());
        Operation op = request.operation();
        Integer ty = request.resourceType();
        boolean aeRegistration = op == Operation.CREATE && ty != null && ty == ResourceType.AE.ty();
        if ((request.from() == null || request.from().isBlank()) && !aeRegistration) {
            throw bad("the originator (fr) is missing; only an AE registration may omit it");
        }
        if (op == Operation.CREATE) {
            checkCreatableType(ty);
        } else if (ty != null) {
            throw bad("the resource type (ty) is only permitted on CREATE, not on " + op);
        }
        if ((op == Operation.CREATE || op == Operation.UPDATE) && request.content() == null) {
            throw bad(op + " needs content");
        }
        FilterCriteria fc = request.filterCriteria();
        checkFilter(fc, op);
        Integer drt = request.desiredIdentifierResultType();
        if (drt != null && drt != 1 && drt != 2) {
            throw bad("drt must be 1 (structured) or 2 (unstructured), was " + drt);
        }
        return resultContent(request, op, fc.isDiscovery() && op == Operation.RETRIEVE);
    }

    /**
     * {@code rqet} is an absolute timestamp or relative milliseconds (TS-0004 6.3.3, {@code m2m:absRelTimestamp});
     * a request that arrives after it → 4008 REQUEST_TIMEOUT (digest §2.1).
     */
    private void checkRequestExpiration(String rqet) {
        if (rqet == null || rqet.isBlank()) {
            return;
        }
        boolean expired;
        if (rqet.chars().allMatch(Character::isDigit) || (rqet.startsWith("-") && rqet.length() > 1
                && rqet.substring(1).chars().allMatch(Character::isDigit))) {
            expired = Long.parseLong(rqet) <= 0;
        } else if (TimestampCodec.isValid(rqet)) {
            expired = !TimestampCodec.parse(rqet).isAfter(clock.now());
        } else {
            throw bad("rqet '" + rqet + "' is neither a timestamp nor relative milliseconds");
        }
        if (expired) {
            throw new OneM2MException(ResponseStatusCode.REQUEST_TIMEOUT,
                    "the request expired (rqet " + rqet + ") before it could be processed");
        }
    }

    private void checkCreatableType(Integer ty) {
        if (ty == null) {
            throw bad("CREATE needs a resource type (ty)");
        }
        ResourceType type = ResourceType.of(ty)
                .orElseThrow(() -> bad("unknown resource type ty=" + ty));
        ResourceHandler handler = handlers.get(type);
        if (handler == null) {
            throw bad("resource type ty=" + ty + " (" + type.shortName() + ") is not supported by this CSE");
        }
        if (!handler.creatable()) {
            throw new OneM2MException(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                    "resource type ty=" + ty + " (" + handler.schema().typeName() + ") cannot be created by a request");
        }
    }

    private static void checkFilter(FilterCriteria fc, Operation op) {
        if (fc.filterUsage() != null && fc.filterUsage() != 1 && fc.filterUsage() != 2) {
            throw bad("filterUsage (fu) must be 1 (discovery) or 2 (conditional retrieval), was " + fc.filterUsage());
        }
        if (fc.isDiscovery() && op != Operation.RETRIEVE) {
            throw bad("discovery (fu=1) is only possible with RETRIEVE, not " + op);
        }
        if (fc.filterOperation() != null && fc.filterOperation() != 1 && fc.filterOperation() != 2) {
            throw bad("filterOperation (fo) must be 1 (AND) or 2 (OR), was " + fc.filterOperation());
        }
        requireNonNegative("lim", fc.limit());
        requireNonNegative("lvl", fc.level());
        if (fc.offset() != null && fc.offset() < 1) {
            throw bad("ofst starts at 1, was " + fc.offset());
        }
    }

    private static void requireNonNegative(String name, Integer value) {
        if (value != null && value < 0) {
            throw bad(name + " must not be negative, was " + value);
        }
    }

    private static ResultContent resultContent(Request request, Operation op, boolean discovery) {
        Integer rcn = request.resultContent();
        if (rcn == null) {
            return ResultContent.defaultFor(op, discovery);
        }
        if (op == Operation.NOTIFY) {
            throw bad("rcn is not permitted on NOTIFY");
        }
        String what = discovery ? "discovery" : op.name();
        ResultContent rc = ResultContent.of(rcn).orElseThrow(() -> bad("unknown result content rcn=" + rcn));
        if (!rc.validFor(op, discovery)) {
            throw bad("rcn=" + rcn + " (" + rc + ") is not valid for " + what);
        }
        if (rc == ResultContent.PERMISSIONS) { // digest §2.5: a Release 4 value without a defined result content
            throw bad("rcn=12 (permissions) is not supported: its result content is not defined for the release "
                    + "versions this CSE implements; use rcn=1 (attributes) and read acpi");
        }
        Set<ResultContent> supported = discovery ? DISCOVERY_RCN : switch (op) {
            case CREATE -> CREATE_RCN;
            case RETRIEVE, DELETE -> TREE_RCN;
            case UPDATE -> UPDATE_RCN;
            case NOTIFY -> Set.of();
        };
        if (!supported.contains(rc) && !(op == Operation.DELETE && rc == ResultContent.NOTHING)) {
            throw new OneM2MException(ResponseStatusCode.NOT_IMPLEMENTED,
                    "rcn=" + rcn + " (" + rc + ") is not supported for " + what + " by this CSE");
        }
        return rc;
    }

    private static OneM2MException bad(String message) {
        return new OneM2MException(ResponseStatusCode.BAD_REQUEST, message);
    }
}
