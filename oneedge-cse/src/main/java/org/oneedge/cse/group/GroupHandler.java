package org.oneedge.cse.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.oneedge.cse.resource.AccessChecker;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.AttributeSpec.Presence;
import org.oneedge.cse.resource.CreateContext;
import org.oneedge.cse.resource.HandlerContext;
import org.oneedge.cse.resource.LocalResolver;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.UpdateContext;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.cse.resource.VirtualRequest;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The {@code <group>} (TS-0004 7.4.13, TS-0001 9.6.13, digest §7.3): {@code mid} de-duplicated and validated by a
 * {@link MemberValidator} on CREATE and whenever it changes, {@code cnm}/{@code mtv} kept by the CSE, {@code mnm}
 * enforced (6010), {@code mt}/{@code csy} fixed after CREATE. Requests to its virtual child {@code fopt}
 * (TS-0004 7.4.14) go to the {@link FanOutPoint}.
 */
public final class GroupHandler implements ResourceHandler {

    /** The virtual fanOutPoint child (TS-0001 9.6.14). */
    public static final String FAN_OUT_POINT = "fopt";

    static final int MIXED = 0;
    static final int ABANDON_MEMBER = 1;
    static final int ABANDON_GROUP = 2;
    static final int SET_MIXED = 3;

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("group")
            .add("mt", ValueType.NON_NEGATIVE_INTEGER, Presence.OPTIONAL,
                    Presence.NOT_PERMITTED)
            .optional("spty", ValueType.ANY)
            .mandatory("mnm", ValueType.POSITIVE_INTEGER)
            .mandatory("mid", ValueType.ANY_URI_LIST)
            .readOnly("cnm", ValueType.NON_NEGATIVE_INTEGER)
            .optional("macp", ValueType.ANY_URI_LIST)
            .readOnly("mtv", ValueType.BOOLEAN)
            .add("csy", ValueType.POSITIVE_INTEGER, Presence.OPTIONAL,
                    Presence.NOT_PERMITTED)
            .optional("gn", ValueType.STRING)
            .readOnly("ssi", ValueType.BOOLEAN)
            .optional("nar", ValueType.OBJECT)
            .optional("daci", ValueType.ANY_URI_LIST)
            .optional("cstn", ValueType.STRING)
            .creator()
            .accessControlPolicyIds()
            .build();

    private static final Set<ResourceType> CHILDREN = Set.of(ResourceType.SUBSCRIPTION,
            ResourceType.SEMANTIC_DESCRIPTOR);

    private final Supplier<AccessChecker> access;
    private final LocalResolver resolver;
    private final FanOutPoint fanOutPoint;

    GroupHandler(Supplier<AccessChecker> access, LocalResolver resolver, FanOutPoint fanOutPoint) {
        this.access = access;
        this.resolver = resolver;
        this.fanOutPoint = fanOutPoint;
    }

    /** The group's attribute table, e.g. for its announced variant {@code <groupAnnc>}. */
    public static AttributeSchema attributes() {
        return SCHEMA;
    }

    @Override
    public ResourceType type() {
        return ResourceType.GROUP;
    }

    @Override
    public AttributeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Set<ResourceType> childTypes() {
        return CHILDREN;
    }

    @Override
    public Set<String> virtualChildren() {
        return Set.of(FAN_OUT_POINT);
    }

    @Override
    public Response handleVirtual(VirtualRequest request) {
        return fanOutPoint.handle(request);
    }

    @Override
    public void create(CreateContext context) {
        ObjectNode a = context.attributes();
        if (!a.has("mt")) {
            a.put("mt", MIXED);
        }
        if (!a.has("csy")) {
            a.put("csy", ABANDON_MEMBER);
        }
        int mt = a.get("mt").asInt();
        if (mt != MIXED && ResourceType.of(mt).isEmpty()) {
            throw bad("attribute 'mt' (" + mt + ") is not a resource type this CSE knows; use 0 for mixed");
        }
        int csy = a.get("csy").asInt();
        if (csy < ABANDON_MEMBER || csy > SET_MIXED) {
            throw bad("attribute 'csy' must be 1 (ABANDON_MEMBER), 2 (ABANDON_GROUP) or 3 (SET_MIXED), was " + csy);
        }
        applyMembers(context, a);
    }

    @Override
    public void update(UpdateContext context) {
        ObjectNode a = context.attributes();
        if (context.changes().has("mid")) {
            applyMembers(context, a);
        }
        long mnm = a.get("mnm").asLong();
        int cnm = a.path("cnm").asInt();
        if (mnm < cnm) {
            throw new OneM2MException(ResponseStatusCode.MAX_NUMBER_OF_MEMBER_EXCEEDED,
                    "attribute 'mnm' (" + mnm + ") is below the current number of members cnm=" + cnm);
        }
    }

    /** Replaces {@code mid} by its validated form and sets {@code cnm}, {@code mtv} and possibly {@code mt}. */
    private void applyMembers(HandlerContext context, ObjectNode a) {
        List<String> requested = new ArrayList<>(new LinkedHashSet<>(texts(a.get("mid"))));
        long mnm = a.get("mnm").asLong();
        if (requested.size() > mnm) {
            throw new OneM2MException(ResponseStatusCode.MAX_NUMBER_OF_MEMBER_EXCEEDED, "'mid' holds "
                    + requested.size() + " distinct members, more than 'mnm' (" + mnm + ") allows");
        }
        MemberValidator.Result result = new MemberValidator(resolver, access.get())
                .validate(requested, a.get("mt").asInt(), a.get("csy").asInt(), a.get("spty"),
                        context.originator(), context.request());
        ArrayNode mid = a.putArray("mid");
        result.members().forEach(mid::add);
        a.put("mt", result.memberType());
        a.put("cnm", result.members().size());
        a.put("mtv", result.validated());
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            list.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    private static OneM2MException bad(String message) {
        return new OneM2MException(ResponseStatusCode.BAD_REQUEST, message);
    }
}
