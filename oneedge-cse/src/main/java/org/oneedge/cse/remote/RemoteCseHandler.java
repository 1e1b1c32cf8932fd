package org.oneedge.cse.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.CseType;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.AttributeSpec.Presence;
import org.oneedge.cse.resource.CreateContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.UpdateContext;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/**
 * The {@code <remoteCSE>} resource and CSE-to-CSE registration at the registrar (TS-0001 10.2.2.7, TS-0004 7.4.4,
 * digest §1.5 and §4.3): the originator must be an SP-relative CSE-ID ({@code /id-mn1}); {@code csi} is overwritten
 * with it and {@code ri} becomes the CSE-ID without {@code /}; a CSE-ID already registered gets 4117 (the registree
 * then UPDATEs, see {@link CseRegistrar}); an IN-CSE never registers to anyone and an ASN-CSE accepts no registree
 * (4000 / 4005). The CSE itself (or the admin) creates the {@code <remoteCSE>} that represents its own registrar; that
 * one names its {@code csi} explicitly and carries the label {@value #REGISTRAR_LABEL}.
 */
public final class RemoteCseHandler implements ResourceHandler {

    /** Label marking the local {@code <remoteCSE>} of this CSE's registrar: where unknown CSE-IDs are routed. */
    public static final String REGISTRAR_LABEL = "oneedge:registrar";

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("remoteCSE")
            .mandatory("cb", ValueType.ANY_URI)
            .optional("csi", ValueType.STRING)
            .mandatory("rr", ValueType.BOOLEAN)
            .mandatory("srv", ValueType.STRING_LIST)
            .add("cst", ValueType.POSITIVE_INTEGER, Presence.OPTIONAL, Presence.NOT_PERMITTED)
            .optional("poa", ValueType.ANY_URI_LIST)
            .optional("nl", ValueType.ANY_URI)
            .optional("csz", ValueType.STRING_LIST)
            .optional("esi", ValueType.OBJECT)
            .optional("dcse", ValueType.STRING_LIST)
            .optional("mei", ValueType.STRING)
            .optional("tri", ValueType.STRING)
            .optional("trn", ValueType.NON_NEGATIVE_INTEGER)
            .optional("mtcc", ValueType.STRING)
            .optional("egid", ValueType.STRING)
            .optional("tren", ValueType.BOOLEAN)
            .optional("ape", ValueType.OBJECT)
            .accessControlPolicyIds()
            .build();

    private static final Set<ResourceType> CHILDREN = Set.of(ResourceType.SUBSCRIPTION, ResourceType.CONTAINER,
            ResourceType.GROUP, ResourceType.ACCESS_CONTROL_POLICY, ResourceType.POLLING_CHANNEL,
            ResourceType.FLEX_CONTAINER, ResourceType.TIME_SERIES, ResourceType.NODE, ResourceType.SCHEDULE,
            ResourceType.AE_ANNC, ResourceType.CONTAINER_ANNC, ResourceType.CONTENT_INSTANCE_ANNC,
            ResourceType.FLEX_CONTAINER_ANNC, ResourceType.GROUP_ANNC, ResourceType.NODE_ANNC,
            ResourceType.MGMT_OBJ_ANNC, ResourceType.ACCESS_CONTROL_POLICY_ANNC);

    @Override
    public ResourceType type() {
        return ResourceType.REMOTE_CSE;
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
    public boolean createNeedsPrivilege() {
        return false;
    }

    @Override
    public void create(CreateContext context) {
        CseConfig config = context.config();
        String originator = context.originator() == null ? "" : context.originator();
        boolean self = originator.equals(config.cseId()) || originator.equals(config.adminOriginator());
        JsonNode requestedCsi = context.attributes().get("csi");
        String csi;
        if (self) {
            if (requestedCsi == null || !isCseId(requestedCsi.asText())) {
                throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "a <remoteCSE> created by the CSE itself"
                        + " must name the remote CSE in 'csi' as an SP-relative CSE-ID such as '/id-in'");
            }
            csi = requestedCsi.asText();
            if (csi.equals(config.cseId())) {
                throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                        "a CSE cannot register to itself ('csi' is this CSE's own CSE-ID " + csi + ")");
            }
        } else {
            if (!isCseId(originator)) {
                throw new OneM2MException(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, "originator '" + originator
                        + "' may not register a CSE: the originator of a <remoteCSE> CREATE must be the registree's"
                        + " SP-relative CSE-ID such as '/id-mn1'");
            }
            if (requestedCsi != null && !requestedCsi.asText().equals(originator)) {
                throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "attribute 'csi' ('" + requestedCsi.asText()
                        + "') does not match the originator '" + originator + "'");
            }
            if (hasRegistrarLabel(context.attributes().get("lbl"))) {
                throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "label '" + REGISTRAR_LABEL
                        + "' is reserved for the <remoteCSE> a CSE keeps of its own registrar");
            }
            csi = originator;
            checkCseType(config, context.attributes().get("cst"), csi);
        }
        String ri = csi.substring(1);
        if (context.store().get(ri).isPresent()) {
            throw new OneM2MException(ResponseStatusCode.ORIGINATOR_HAS_ALREADY_REGISTERED,
                    "CSE " + csi + " is already registered here; UPDATE its <remoteCSE> '" + csi.substring(1)
                            + "' instead (TS-0004 7.4.4.2.1)");
        }
        checkCseBase(context.attributes().get("cb").asText(), csi);
        context.ri(ri);
        context.attributes().put("csi", csi);
    }

    @Override
    public void update(UpdateContext context) {
        if (context.changes().has("csi")
                && !context.changes().get("csi").asText().equals(context.current().attributes().path("csi").asText())) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "attribute 'csi' of a <remoteCSE> cannot change");
        }
        String originator = context.originator() == null ? "" : context.originator();
        boolean self = originator.equals(context.config().cseId())
                || originator.equals(context.config().adminOriginator());
        String cb = context.current().attributes().path("cb").asText();
        if (!self && context.changes().has("cb") && !context.changes().get("cb").asText().equals(cb)) {
            throw new OneM2MException(ResponseStatusCode.ORIGINATOR_HAS_ALREADY_REGISTERED, "CSE-ID "
                    + context.current().attributes().path("csi").asText() + " is already registered here with CSEBase '"
                    + cb + "'; a CSE with the CSEBase '" + context.changes().get("cb").asText()
                    + "' cannot take it over (conflicting CSE-IDs?)");
        }
        if (!self && hasRegistrarLabel(context.changes().get("lbl"))) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "label '" + REGISTRAR_LABEL
                    + "' is reserved for the <remoteCSE> a CSE keeps of its own registrar");
        }
    }

    /** True for an SP-relative CSE-ID: {@code /} followed by one non-empty segment. */
    static boolean isCseId(String id) {
        return id != null && id.length() > 1 && id.charAt(0) == '/' && id.indexOf('/', 1) < 0
                && id.chars().noneMatch(c -> c <= ' ' || c == '#' || c == '?');
    }

    static boolean hasRegistrarLabel(JsonNode lbl) {
        if (lbl != null && lbl.isArray()) {
            for (JsonNode l : lbl) {
                if (REGISTRAR_LABEL.equals(l.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** TS-0001 6.3: an IN-CSE is the root and registers nowhere; an ASN-CSE accepts no registree. */
    private static void checkCseType(CseConfig config, JsonNode cst, String csi) {
        if (config.cseType() == CseType.ASN) {
            throw new OneM2MException(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                    "this CSE (" + config.cseId() + ") is an ASN-CSE and accepts no CSE registrations");
        }
        if (cst == null) {
            return;
        }
        int code = cst.asInt();
        if (code < 1 || code > 3) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "attribute 'cst' (" + code + ") must be 1 (IN-CSE), 2 (MN-CSE) or 3 (ASN-CSE)");
        }
        if (code == CseType.IN.code()) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "CSE " + csi + " is an IN-CSE (cst=1): an"
                    + " IN-CSE is the root of its SP domain and cannot register to the " + config.cseType()
                    + "-CSE " + config.cseId());
        }
    }

    /** {@code cb} must name the registree's own CSEBase: {@code <csi>/<CSEBase name>}. */
    private static void checkCseBase(String cb, String csi) {
        if (!cb.startsWith(csi + "/") || cb.length() == csi.length() + 1 || cb.indexOf('/', csi.length() + 1) >= 0) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "attribute 'cb' ('" + cb
                    + "') must be the registree's CSEBase address '" + csi + "/<CSEBase name>'");
        }
    }
}
