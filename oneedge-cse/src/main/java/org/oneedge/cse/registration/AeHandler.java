package org.oneedge.cse.registration;

import java.util.Set;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.CreateContext;
import org.oneedge.cse.resource.ResourceHandler;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResourceType;
import org.oneedge.model.ResponseStatusCode;

/**
 * AE registration and the {@code <AE>} resource (TS-0001 10.2.2.2, TS-0004 7.4.5, digest §4.1 and ACME §4.4):
 * the registrar picks or accepts the AE-ID-Stem from {@code fr} ({@code C…}/{@code S…}; absent, empty, {@code C} or
 * {@code S} alone get a generated stem), refuses an AE-ID that is already registered with 4117, checks {@code api},
 * and makes {@code ri} = {@code aei} = the stem. Only the CSEBase accepts AEs (the CSEBase's child types), and no ACP
 * check applies to the CREATE (digest §5.2). S-stems are assigned locally, as ACME does (no AEAnnc exchange).
 */
public final class AeHandler implements ResourceHandler {

    private static final AttributeSchema SCHEMA = AttributeSchema.builder("AE")
            .mandatoryFixed("api", ValueType.STRING)
            .readOnly("aei", ValueType.STRING)
            .mandatory("rr", ValueType.BOOLEAN)
            .mandatory("srv", ValueType.STRING_LIST)
            .optional("poa", ValueType.ANY_URI_LIST)
            .optional("apn", ValueType.STRING)
            .optional("nl", ValueType.ANY_URI)
            .optional("or", ValueType.ANY_URI)
            .optional("csz", ValueType.STRING_LIST)
            .optional("mei", ValueType.STRING)
            .optional("tri", ValueType.STRING)
            .optional("trn", ValueType.NON_NEGATIVE_INTEGER)
            .optional("scp", ValueType.STRING_LIST)
            .optional("tren", ValueType.BOOLEAN)
            .optional("ape", ValueType.OBJECT)
            .optional("regs", ValueType.NON_NEGATIVE_INTEGER)
            .optional("trps", ValueType.BOOLEAN)
            .optional("esi", ValueType.OBJECT)
            .optional("daci", ValueType.ANY_URI_LIST)
            .optional("cstn", ValueType.STRING)
            .accessControlPolicyIds()
            .build();

    private static final Set<ResourceType> CHILDREN = Set.of(ResourceType.SUBSCRIPTION, ResourceType.CONTAINER,
            ResourceType.GROUP, ResourceType.ACCESS_CONTROL_POLICY, ResourceType.POLLING_CHANNEL,
            ResourceType.SEMANTIC_DESCRIPTOR, ResourceType.FLEX_CONTAINER, ResourceType.TIME_SERIES,
            ResourceType.CROSS_RESOURCE_SUBSCRIPTION, ResourceType.LOCATION_POLICY);

    private static final Set<String> LOWER_CASE_R_RELEASES = Set.of("1", "2", "2a", "3");

    @Override
    public ResourceType type() {
        return ResourceType.AE;
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
        String api = context.attributes().get("api").asText();
        checkAppId(api, context.request() == null ? null : context.request().releaseVersion());
        String stem = stem(context.originator(), context.config().cseId());
        if (context.store().get(stem).isPresent()) {
            throw new OneM2MException(ResponseStatusCode.ORIGINATOR_HAS_ALREADY_REGISTERED,
                    "originator '" + stem + "' is already registered");
        }
        context.ri(stem);
        context.attributes().put("aei", stem);
        context.originator(stem);
    }

    /** The AE-ID-Stem for a registration from {@code from} (digest §4.1 table). */
    static String stem(String from, String cseId) {
        String id = from == null ? "" : from.trim();
        if (id.startsWith(cseId + "/")) {
            id = id.substring(cseId.length() + 1);
        } else if (id.startsWith("/S") && id.indexOf('/', 1) < 0) {
            id = id.substring(1);
        }
        if (id.isEmpty() || id.equals("C")) {
            return "C" + RandomStem.next();
        }
        if (id.equals("S")) {
            return "S" + RandomStem.next();
        }
        if ((id.startsWith("C") || id.startsWith("S")) && id.indexOf('/') < 0 && isIdText(id)) {
            return id;
        }
        throw new OneM2MException(ResponseStatusCode.APP_RULE_VALIDATION_FAILED,
                "originator '" + from + "' may not register an AE: an AE-ID must start with 'C' or 'S'");
    }

    private static void checkAppId(String api, String releaseVersion) {
        if (api.isEmpty()) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "attribute 'api' must not be empty");
        }
        char first = api.charAt(0);
        if (first == 'R' || first == 'N') {
            return;
        }
        if (first == 'r' && LOWER_CASE_R_RELEASES.contains(releaseVersion)) {
            return;
        }
        throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "attribute 'api' ('" + api
                + "') must start with 'R' (registered App-ID) or 'N' (non-registered); lower-case 'r' is only "
                + "tolerated up to release 3");
    }

    private static boolean isIdText(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c == '#' || c == '?' || c == '/') {
                return false;
            }
        }
        return true;
    }

    /** Random stem suffixes. */
    private static final class RandomStem {
        private static final char[] CHARS = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

        static String next() {
            var rnd = java.util.concurrent.ThreadLocalRandom.current();
            char[] out = new char[12];
            for (int i = 0; i < out.length; i++) {
                out[i] = CHARS[rnd.nextInt(CHARS.length)];
            }
            return new String(out);
        }
    }
}
