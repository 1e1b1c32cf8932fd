package org.oneedge.cse.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.oneedge.cse.resource.AttributeSchema;
import org.oneedge.cse.resource.AttributeSpec.Presence;
import org.oneedge.cse.resource.ValueType;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResponseStatusCode;

/**
 * One mgmtObj specialization (TS-0004 Annex D, digest §1.2 and §8.5): its {@code mgd}, JSON root key, attribute table
 * and the value rules its attributes must keep (checked on CREATE and after each UPDATE merge, 4000 naming the value).
 * The CMDH policy objects (1011–1019) carry the short names of TS-0004 Table 8.2.3-x for their attributes.
 *
 * @param valueRules checks on the merged attributes; throws {@link OneM2MException} BAD_REQUEST
 */
public record MgmtObjSpecialization(int mgd, String rootKey, String name, AttributeSchema schema,
                                    Consumer<ObjectNode> valueRules) {

    private static final List<MgmtObjSpecialization> ALL = List.of(
            of(1001, "m2m:fwr", "firmware", b -> b
                    .mandatory("vr", ValueType.STRING).mandatory("fwn", ValueType.STRING)
                    .mandatory("url", ValueType.ANY_URI).mandatory("ud", ValueType.BOOLEAN)
                    .readOnly("uds", ValueType.ANY), a -> { }),
            of(1002, "m2m:swr", "software", b -> b
                    .mandatory("vr", ValueType.STRING).mandatory("swn", ValueType.STRING)
                    .mandatory("url", ValueType.ANY_URI).optional("in", ValueType.BOOLEAN)
                    .optional("un", ValueType.BOOLEAN).optional("act", ValueType.BOOLEAN)
                    .optional("dea", ValueType.BOOLEAN).readOnly("ins", ValueType.ANY)
                    .readOnly("acts", ValueType.ANY), a -> { }),
            of(1003, "m2m:mem", "memory", b -> b
                    .mandatory("mma", ValueType.NON_NEGATIVE_INTEGER).mandatory("mmt", ValueType.NON_NEGATIVE_INTEGER),
                    a -> {
                        if (a.get("mma").asLong() > a.get("mmt").asLong()) {
                            throw bad("memory: 'mma' (" + a.get("mma") + ") must not exceed 'mmt' (" + a.get("mmt") + ")");
                        }
                    }),
            of(1004, "m2m:ani", "areaNwkInfo", b -> b
                    .mandatory("ant", ValueType.STRING).mandatory("ldv", ValueType.STRING_LIST), a -> { }),
            of(1005, "m2m:andi", "areaNwkDeviceInfo", b -> b
                    .optional("dvd", ValueType.STRING).optional("dvt", ValueType.STRING)
                    .optional("awi", ValueType.STRING).optional("sli", ValueType.NON_NEGATIVE_INTEGER)
                    .optional("sld", ValueType.NON_NEGATIVE_INTEGER).optional("ss", ValueType.STRING)
                    .optional("lnh", ValueType.STRING_LIST), a -> { }),
            of(1006, "m2m:bat", "battery", b -> b
                    .mandatory("btl", ValueType.NON_NEGATIVE_INTEGER).mandatory("bts", ValueType.INTEGER), a -> {
                        range(a, "battery", "btl", 0, 100);
                        range(a, "battery", "bts", 1, 7);
                    }),
            of(1007, "m2m:dvi", "deviceInfo", b -> {
                b.mandatory("dlb", ValueType.STRING).mandatory("man", ValueType.STRING)
                        .mandatory("mod", ValueType.STRING).mandatory("dty", ValueType.STRING);
                for (String optional : List.of("dvnm", "fwv", "swv", "hwv", "osv", "cnty", "loc", "syst", "spur",
                        "purl", "mfdl", "mfd", "smod")) {
                    b.optional(optional, ValueType.STRING);
                }
                b.optional("ptl", ValueType.STRING_LIST);
            }, a -> { }),
            of(1009, "m2m:rbo", "reboot", b -> b
                    .mandatory("rbo", ValueType.BOOLEAN).mandatory("far", ValueType.BOOLEAN), a -> { }),
            of(1011, "m2m:cmp", "cmdhPolicy", b -> b
                    .mandatory("nm", ValueType.STRING).mandatory("cmlk", ValueType.ANY_URI_LIST),
                    a -> nonEmpty(a, "cmdhPolicy", "cmlk")),
            of(1012, "m2m:acmp", "activeCmdhPolicy", b -> b.mandatory("acmlk", ValueType.ANY_URI), a -> { }),
            of(1013, "m2m:cmdf", "cmdhDefaults", b -> b.mandatory("cmlk", ValueType.ANY_URI_LIST),
                    a -> nonEmpty(a, "cmdhDefaults", "cmlk")),
            of(1014, "m2m:cmdv", "cmdhDefEcValue", b -> requestScope(b)
                    .mandatory("dev", ValueType.INTEGER), a -> eventCategory(a, "cmdhDefEcValue", "dev")),
            of(1015, "m2m:cmpv", "cmdhEcDefParamValues", b -> b
                    .mandatory("od", ValueType.NON_NEGATIVE_INTEGER).mandatory("aecs", ValueType.INTEGER_LIST)
                    .mandatory("dqet", ValueType.INTEGER).mandatory("dset", ValueType.INTEGER)
                    .mandatory("doet", ValueType.INTEGER).mandatory("drp", ValueType.INTEGER)
                    .mandatory("dda", ValueType.BOOLEAN), a -> {
                        eventCategories(a, "cmdhEcDefParamValues", "aecs");
                        for (String time : List.of("dqet", "dset", "doet", "drp")) {
                            range(a, "cmdhEcDefParamValues", time, -1, Long.MAX_VALUE);
                        }
                    }),
            of(1016, "m2m:cml", "cmdhLimits", b -> requestScope(b)
                    .mandatory("lec", ValueType.INTEGER_LIST).mandatory("lqet", ValueType.INTEGER_LIST)
                    .mandatory("lset", ValueType.INTEGER_LIST).mandatory("loet", ValueType.INTEGER_LIST)
                    .mandatory("lrp", ValueType.INTEGER_LIST).mandatory("lda", ValueType.LIST), a -> {
                        eventCategories(a, "cmdhLimits", "lec");
                        for (String limit : List.of("lqet", "lset", "loet", "lrp")) {
                            minMax(a, "cmdhLimits", limit);
                        }
                        for (JsonNode allowed : a.get("lda")) {
                            if (!allowed.isBoolean()) {
                                throw bad("cmdhLimits: 'lda' must list booleans, found " + allowed);
                            }
                        }
                    }),
            of(1017, "m2m:cmnr", "cmdhNetworkAccessRules", b -> b
                    .mandatory("aecs", ValueType.INTEGER_LIST).mandatory("cmlk", ValueType.ANY_URI_LIST),
                    a -> eventCategories(a, "cmdhNetworkAccessRules", "aecs")),
            of(1018, "m2m:cmwr", "cmdhNwAccessRule", b -> b
                    .mandatory("ttn", ValueType.STRING_LIST).optional("mrv", ValueType.NON_NEGATIVE_INTEGER)
                    .optional("bop", ValueType.INTEGER_LIST).optional("ohc", ValueType.STRING)
                    .optional("spt", ValueType.ANY), a -> {
                        nonEmpty(a, "cmdhNwAccessRule", "ttn");
                        JsonNode bop = a.get("bop");
                        if (bop != null && (bop.size() != 3 || bop.get(0).asLong() < 0 || bop.get(1).asLong() < 0
                                || bop.get(2).asLong() < bop.get(0).asLong())) {
                            throw bad("cmdhNwAccessRule: 'bop' must be [initial, additional, maximum] backoff in ms, "
                                    + "non-negative with maximum >= initial, was " + bop);
                        }
                    }),
            of(1019, "m2m:cmbf", "cmdhBuffer", b -> b
                    .mandatory("aecs", ValueType.INTEGER_LIST).mandatory("mbfs", ValueType.NON_NEGATIVE_INTEGER)
                    .mandatory("sgp", ValueType.INTEGER), a -> {
                        eventCategories(a, "cmdhBuffer", "aecs");
                        range(a, "cmdhBuffer", "sgp", 1, 10);
                    }));

    /** Every supported specialization, by {@code mgd}. */
    public static List<MgmtObjSpecialization> all() {
        return ALL;
    }

    public static Optional<MgmtObjSpecialization> byRootKey(String rootKey) {
        return ALL.stream().filter(s -> s.rootKey.equals(rootKey)).findFirst();
    }

    public static Optional<MgmtObjSpecialization> byMgd(int mgd) {
        return ALL.stream().filter(s -> s.mgd == mgd).findFirst();
    }

    static String rootKeys() {
        return ALL.stream().map(MgmtObjSpecialization::rootKey).collect(Collectors.joining(", "));
    }

    /** Applies the value rules to the attributes a mgmtObj would have. */
    void check(ObjectNode attributes) {
        valueRules.accept(attributes);
    }

    /** The attributes every mgmtObj has (digest §1.2): {@code mgd} (M, fixed), {@code obis obps dc mgs cmlk}. */
    static AttributeSchema.Builder commonSchema(String name) {
        return AttributeSchema.builder(name)
                .add("mgd", ValueType.INTEGER, Presence.MANDATORY, Presence.NOT_PERMITTED)
                .optional("obis", ValueType.STRING_LIST)
                .optional("obps", ValueType.STRING_LIST)
                .optional("dc", ValueType.STRING)
                .optional("mgs", ValueType.ANY_URI)
                .optional("cmlk", ValueType.ANY_URI_LIST)
                .optional("daci", ValueType.ANY_URI_LIST)
                .optional("cstn", ValueType.STRING)
                .accessControlPolicyIds();
    }

    private static MgmtObjSpecialization of(int mgd, String rootKey, String name,
                                            Consumer<AttributeSchema.Builder> attributes, Consumer<ObjectNode> rules) {
        AttributeSchema.Builder builder = commonSchema(name);
        attributes.accept(builder);
        return new MgmtObjSpecialization(mgd, rootKey, name, builder.build(), rules);
    }

    /** {@code od} order plus the request scope ({@code ror}, {@code rct}, {@code rctn}, {@code rch}) of 1014/1016. */
    private static AttributeSchema.Builder requestScope(AttributeSchema.Builder b) {
        return b.mandatory("od", ValueType.NON_NEGATIVE_INTEGER).mandatory("ror", ValueType.STRING_LIST)
                .optional("rct", ValueType.STRING).optional("rctn", ValueType.BOOLEAN)
                .optional("rch", ValueType.STRING);
    }

    private static void range(ObjectNode a, String type, String attribute, long min, long max) {
        JsonNode v = a.get(attribute);
        if (v != null && (v.asLong() < min || v.asLong() > max)) {
            throw bad(type + ": attribute '" + attribute + "' must be " + min + ".."
                    + (max == Long.MAX_VALUE ? "" : String.valueOf(max)) + ", was " + v);
        }
    }

    private static void nonEmpty(ObjectNode a, String type, String attribute) {
        JsonNode v = a.get(attribute);
        if (v != null && v.isEmpty()) {
            throw bad(type + ": attribute '" + attribute + "' must not be empty");
        }
    }

    /** Event categories: 2 immediate, 3 bestEffort, 4 latest, 100–999 user-defined (digest §2.1). */
    private static void eventCategory(ObjectNode a, String type, String attribute) {
        JsonNode v = a.get(attribute);
        if (v != null && !isEventCategory(v.asInt())) {
            throw bad(type + ": attribute '" + attribute + "' must be an event category (2, 3, 4 or 100..999), was "
                    + v);
        }
    }

    private static void eventCategories(ObjectNode a, String type, String attribute) {
        JsonNode list = a.get(attribute);
        if (list == null) {
            return;
        }
        if (list.isEmpty()) {
            throw bad(type + ": attribute '" + attribute + "' must list at least one event category");
        }
        for (JsonNode v : list) {
            if (!isEventCategory(v.asInt())) {
                throw bad(type + ": attribute '" + attribute + "' holds " + v
                        + ", which is not an event category (2, 3, 4 or 100..999)");
            }
        }
    }

    private static boolean isEventCategory(int ec) {
        return (ec >= 2 && ec <= 4) || (ec >= 100 && ec <= 999);
    }

    /** A limit as {@code [min, max]} in ms with -1 ≤ min ≤ max; -1 means infinite. */
    private static void minMax(ObjectNode a, String type, String attribute) {
        JsonNode v = a.get(attribute);
        if (v != null && (v.size() != 2 || v.get(0).asLong() < -1
                || (v.get(1).asLong() != -1 && v.get(1).asLong() < v.get(0).asLong()))) {
            throw bad(type + ": attribute '" + attribute + "' must be [min, max] with -1 <= min <= max (-1 = "
                    + "infinite), was " + v);
        }
    }

    private static OneM2MException bad(String message) {
        return new OneM2MException(ResponseStatusCode.BAD_REQUEST, message);
    }
}
