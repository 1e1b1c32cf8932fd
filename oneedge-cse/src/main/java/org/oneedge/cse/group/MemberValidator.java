package org.oneedge.cse.group;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.resource.LocalResolver;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/**
 * Checks a group's member list (TS-0004 7.4.13.2.1/7.4.13.2.3, digest §7.3): each local member must exist (4004) and
 * be retrievable by the originator (5105); with {@code mt} other than mixed its type (for {@code …/fopt} members the
 * sub-group's {@code mt}, for {@code la}/{@code ol} the parent's type; with {@code spty} also the mgmtObj {@code mgd})
 * must match, else {@code csy} decides: drop the member, refuse with 4110, or turn the group mixed. Members on other
 * CSEs are kept unchecked and leave {@code mtv} false (they are checked when they answer a fan-out).
 */
final class MemberValidator {

    /** The members to store, the member type after {@code csy} SET_MIXED, and {@code mtv}. */
    record Result(List<String> members, int memberType, boolean validated) {}

    private final LocalResolver resolver;
    private final AccessChecker access;

    MemberValidator(LocalResolver resolver, AccessChecker access) {
        this.resolver = resolver;
        this.access = access;
    }

    Result validate(List<String> requested, int memberType, int consistency, JsonNode specializationType,
                    String originator, Request request) {
        List<String> kept = new ArrayList<>();
        boolean validated = true;
        int mt = memberType;
        for (String id : requested) {
            if (resolver.isRemote(id)) {
                kept.add(id);
                validated = false;
                continue;
            }
            Member member = locate(id);
            if (request != null && !access.permits(originator, Operation.RETRIEVE.privilege(), member.resource(),
                    request)) {
                throw new OneM2MException(ResponseStatusCode.RECEIVER_HAS_NO_PRIVILEGE,
                        "member '" + id + "' may not be retrieved by originator '" + originator + "'");
            }
            if (mt == GroupHandler.MIXED || member.matches(mt, specializationType)) {
                kept.add(id);
                continue;
            }
            switch (consistency) {
                case GroupHandler.ABANDON_MEMBER -> { /* dropped */ }
                case GroupHandler.ABANDON_GROUP -> throw new OneM2MException(
                        ResponseStatusCode.GROUP_MEMBER_TYPE_INCONSISTENT, "member '" + id + "' is a "
                        + member.describe() + ", not of the group's member type mt=" + mt
                        + " (csy=2 ABANDON_GROUP)");
                default -> {
                    mt = GroupHandler.MIXED;
                    kept.add(id);
                }
            }
        }
        return new Result(kept, mt, validated);
    }

    /** A local member: the resource it names, or for a virtual member ({@code fopt}, {@code la}, {@code ol}) its parent. */
    private record Member(Resource resource, boolean subGroup) {
        boolean matches(int mt, JsonNode spty) {
            if (subGroup) {
                return resource.attributes().path("mt").asInt(-1) == mt;
            }
            if (resource.type().ty() != mt) {
                return false;
            }
            if (spty != null && !spty.isNull() && resource.type() == ResourceType.MGMT_OBJ) {
                return resource.attributes().path("mgd").asText().equals(spty.asText());
            }
            if (spty != null && !spty.isNull() && resource.type() == ResourceType.FLEX_CONTAINER) {
                return resource.attributes().path("cnd").asText().equals(spty.asText());
            }
            return true;
        }

        String describe() {
            return subGroup ? "sub-group with mt=" + resource.attributes().path("mt").asInt()
                    : resource.type().shortName() + " (ty=" + resource.type().ty() + ")";
        }
    }

    private Member locate(String id) {
        Optional<Resource> direct = resolver.find(id);
        if (direct.isPresent()) {
            return new Member(direct.get(), false);
        }
        int slash = id.lastIndexOf('/');
        if (slash > 0) {
            String last = id.substring(slash + 1);
            Optional<Resource> parent = resolver.find(id.substring(0, slash));
            if (parent.isPresent()) {
                if (last.equals(GroupHandler.FAN_OUT_POINT) && parent.get().type() == ResourceType.GROUP) {
                    return new Member(parent.get(), true);
                }
                if (last.equals("la") || last.equals("ol")) {
                    return new Member(parent.get(), false);
                }
            }
        }
        throw new OneM2MException(ResponseStatusCode.NOT_FOUND, "member '" + id + "' does not exist on this CSE");
    }
}
