package org.oneedge.cse.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResponseStatusCode;

/**
 * The {@code m2m:setOfAcrs} value of {@code pv} and {@code pvs} (TS-0004 6.3.5.21, digest §5.1): a list of rules
 * combined with permit-overrides. An empty list grants nothing. {@link #parse} is the one place that checks the wire
 * form, so the ACP handler and the evaluator agree on what a valid rule is.
 */
public record SetOfAcrs(List<AccessControlRule> rules) {

    public static final SetOfAcrs EMPTY = new SetOfAcrs(List.of());

    public SetOfAcrs {
        rules = List.copyOf(rules);
    }

    /** True when any rule grants the request (permit-overrides, TS-0003 7.1.5). */
    public boolean permits(AccessRequest request, OriginatorId ids, Instant now) {
        return rules.stream().anyMatch(r -> r.permits(request, ids, now));
    }

    /**
     * Reads {@code {"acr":[{"acor":[…],"acop":n,"acco":[…]},…]}}.
     *
     * @param name the attribute being read ({@code pv} or {@code pvs}), for messages
     * @throws OneM2MException BAD_REQUEST naming the attribute and what is wrong
     */
    public static SetOfAcrs parse(String name, JsonNode node) {
        if (node == null || node.isNull()) {
            return EMPTY;
        }
        if (!node.isObject()) {
            throw bad(name + " must be an object {\"acr\":[…]}");
        }
        var fields = node.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!field.equals("acr")) {
                throw bad(name + " has an unknown attribute '" + field + "' (only acr is allowed)");
            }
        }
        JsonNode acr = node.get("acr");
        if (acr == null || acr.isNull()) {
            return EMPTY;
        }
        if (!acr.isArray()) {
            throw bad(name + "/acr must be a list of rules");
        }
        List<AccessControlRule> rules = new ArrayList<>();
        for (int i = 0; i < acr.size(); i++) {
            rules.add(parseRule(name + "/acr[" + i + "]", acr.get(i)));
        }
        return new SetOfAcrs(rules);
    }

    private static AccessControlRule parseRule(String where, JsonNode rule) {
        if (!rule.isObject()) {
            throw bad(where + " must be an object with acor and acop");
        }
        var fields = rule.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!Set.of("acor", "acop", "acco", "acod", "acaf", "aca").contains(field)) {
                throw bad(where + " has an unknown attribute '" + field + "'");
            }
        }
        JsonNode acor = rule.get("acor");
        if (acor == null || !acor.isArray()) {
            throw bad(where + "/acor is mandatory and must be a list of originator ids");
        }
        List<String> originators = new ArrayList<>();
        for (JsonNode o : acor) {
            if (!o.isTextual() || o.asText().isBlank()) {
                throw bad(where + "/acor entries must be non-empty strings, found " + o);
            }
            originators.add(o.asText());
        }
        JsonNode acop = rule.get("acop");
        if (acop == null || !acop.isIntegralNumber()) {
            throw bad(where + "/acop is mandatory and must be an integer bit mask (1 C, 2 R, 4 U, 8 D, 16 N, 32 Discovery)");
        }
        int operations = acop.asInt();
        if (!acop.canConvertToInt() || operations < 1 || operations > AccessControlRule.ALL_OPERATIONS) {
            throw bad(where + "/acop must lie in 1..63, was " + acop);
        }
        return new AccessControlRule(originators, operations, parseContexts(where, rule.get("acco")),
                parseObjectDetails(where, rule.get("acod")));
    }

    private static List<AccessControlContext> parseContexts(String where, JsonNode acco) {
        if (acco == null || acco.isNull()) {
            return List.of();
        }
        if (!acco.isArray()) {
            throw bad(where + "/acco must be a list of {actw, acip, aclr} objects");
        }
        List<AccessControlContext> contexts = new ArrayList<>();
        for (int i = 0; i < acco.size(); i++) {
            JsonNode context = acco.get(i);
            String at = where + "/acco[" + i + "]";
            if (!context.isObject()) {
                throw bad(at + " must be an object");
            }
            List<ScheduleEntry> windows = new ArrayList<>();
            JsonNode actw = context.get("actw");
            if (actw != null && !actw.isNull()) {
                if (!actw.isArray()) {
                    throw bad(at + "/actw must be a list of schedule entries");
                }
                for (JsonNode w : actw) {
                    if (!w.isTextual()) {
                        throw bad(at + "/actw entries must be strings, found " + w);
                    }
                    try {
                        windows.add(ScheduleEntry.parse(w.asText()));
                    } catch (IllegalArgumentException e) {
                        throw bad(at + "/actw: " + e.getMessage());
                    }
                }
            }
            JsonNode acip = context.get("acip");
            if (acip != null && !acip.isNull() && !acip.isObject()) {
                throw bad(at + "/acip must be an object {ipv4:[…], ipv6:[…]}");
            }
            JsonNode aclr = context.get("aclr");
            if (aclr != null && !aclr.isNull() && !aclr.isObject() && !aclr.isArray()) {
                throw bad(at + "/aclr must be an object");
            }
            contexts.add(new AccessControlContext(windows));
        }
        return contexts;
    }

    private static Set<Integer> parseObjectDetails(String where, JsonNode acod) {
        if (acod == null || acod.isNull()) {
            return Set.of();
        }
        if (!acod.isArray()) {
            throw bad(where + "/acod must be a list of {chty:[…]} objects");
        }
        Set<Integer> childTypes = new HashSet<>();
        for (JsonNode details : acod) {
            JsonNode chty = details.get("chty");
            if (!details.isObject() || chty == null || !chty.isArray()) {
                throw bad(where + "/acod entries need a chty list of resource types");
            }
            for (JsonNode ty : chty) {
                if (!ty.isIntegralNumber()) {
                    throw bad(where + "/acod/chty entries must be resource type numbers, found " + ty);
                }
                childTypes.add(ty.asInt());
            }
        }
        return childTypes;
    }

    private static OneM2MException bad(String message) {
        return new OneM2MException(ResponseStatusCode.BAD_REQUEST, message);
    }
}
