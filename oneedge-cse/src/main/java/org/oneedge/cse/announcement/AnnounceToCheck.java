package org.oneedge.cse.announcement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.remote.RemoteCseRoutes;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.Address;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Refuses, before anything is stored, a CREATE or UPDATE whose {@code at} (announceTo, digest §1.4 and §8.2) cannot
 * be honoured: an entry that is not an SP-relative CSE-ID (or a copy address below one), this CSE's own CSE-ID, a
 * CSE-ID this CSE has no route to (not registered here, no registrar), or a type that is never announced; and an
 * {@code ast} (announceSyncType, digest §1.4 [R4]) other than 1 or 2. Each gets 4000 with the entry named in
 * {@code m2m:dbg}.
 */
final class AnnounceToCheck {

    private final CseConfig config;
    private final RemoteCseRoutes routes;
    private final Set<ResourceType> announceable;

    AnnounceToCheck(CseConfig config, ResourceStore store, Set<ResourceType> announceable) {
        this.config = config;
        this.routes = new RemoteCseRoutes(store, config.cseIdWithoutSlash());
        this.announceable = Set.copyOf(announceable);
    }

    /** Null to let the engine go on; throws 4000 for a bad {@code at}. */
    Response check(Request request) {
        if ((request.operation() != Operation.CREATE && request.operation() != Operation.UPDATE)
                || request.content() == null || !request.content().isObject() || request.content().size() != 1) {
            return null;
        }
        JsonNode ast = request.content().elements().next().get("ast");
        if (ast != null && !ast.isNull() && !(ast.isIntegralNumber() && (ast.asInt() == 1 || ast.asInt() == 2))) {
            throw bad("announceSyncType (ast) must be 1 (uni-directional) or 2 (bi-directional), was " + ast);
        }
        JsonNode at = request.content().elements().next().get("at");
        if (at == null || !at.isArray() || at.isEmpty()) {
            return null;
        }
        try {
            if (!Address.parse(request.to()).targetsCse(config.cseId(), config.spId())) {
                return null; // the hosting CSE checks it
            }
        } catch (IllegalArgumentException e) {
            return null; // the engine answers the bad address
        }
        if (request.operation() == Operation.CREATE && request.resourceType() != null) {
            ResourceType type = ResourceType.of(request.resourceType()).orElse(null);
            if (type != null && !announceable.contains(type)) {
                throw bad("resources of type " + type.shortName() + " are not announced by this CSE; remove 'at'"
                        + " (announceable: accessControlPolicy, AE, container, contentInstance, flexContainer, group, node, mgmtObj)");
            }
        }
        for (JsonNode entry : at) {
            String value = entry.asText();
            String cseId = cseIdOf(value);
            if (cseId == null) {
                throw bad("'at' entry '" + value + "' is not an SP-relative CSE-ID such as '/id-in'");
            }
            if (cseId.equals(config.cseId())) {
                if (value.equals(cseId)) {
                    throw bad("'at' entry '" + value + "' is this CSE itself; a resource is announced to other CSEs");
                }
                continue;
            }
            if (routes.route(cseId).isEmpty()) {
                throw bad("'at' entry '" + value + "' names CSE " + cseId + ", which is unknown here: it is not"
                        + " registered to " + config.cseId() + " and " + config.cseId() + " has no registrar");
            }
        }
        return null;
    }

    /** The CSE-ID at the start of an SP-relative address ({@code /id-in} of {@code /id-in/cntA1}), or null. */
    static String cseIdOf(String value) {
        if (value == null || value.length() < 2 || value.charAt(0) != '/' || value.charAt(1) == '/') {
            return null;
        }
        int end = value.indexOf('/', 1);
        String cseId = end < 0 ? value : value.substring(0, end);
        return cseId.chars().anyMatch(c -> c <= ' ' || c == '#' || c == '?') ? null : cseId;
    }

    private static OneM2MException bad(String message) {
        return new OneM2MException(ResponseStatusCode.BAD_REQUEST, message);
    }
}
