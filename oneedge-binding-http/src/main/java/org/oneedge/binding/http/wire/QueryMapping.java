package org.oneedge.binding.http.wire;

import org.oneedge.model.TimestampCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.oneedge.model.FilterCriteria;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Request;
import org.oneedge.model.ResponseStatusCode;

/**
 * Maps request parameters and filter criteria to the HTTP query string and back (TS-0009 Table 6.2.2.2-1, digest 2.4).
 * Lists are written {@code +}-joined and read either repeated or {@code +}-joined; any name that is not a known
 * field is an attribute condition {@code <attrShortName>=<value>} ({@code *} wildcards kept as sent).
 * Values that do not parse are refused with BAD_REQUEST naming the parameter.
 */
public final class QueryMapping {

    /** Fields oneM2M defines that OneEdge does not implement: refused rather than silently ignored (5001). */
    private static final Set<String> UNSUPPORTED = Set.of("rids", "tids", "ltids", "tqi", "asi", "auri", "sqi",
            "smf", "cfs", "cfq", "lbq", "clbl", "palb", "chty", "pty", "catr", "patr", "gmty", "geom", "gsf", "atr");

    /** Separator of list values; a literal {@code +} inside a value is sent as {@code %2B}. */
    private static final String VALUE_SAFE = "*:/!$'(),;@";

    private QueryMapping() {
    }

    /** Reads the query into the builder; throws {@link OneM2MException} for a bad value. */
    public static void decode(String rawQuery, Request.Builder request) {
        Map<String, List<String>> params = split(rawQuery);
        FilterBuilder fc = new FilterBuilder();
        boolean anyFilter = false;
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String name = e.getKey();
            List<String> raw = e.getValue();
            switch (name) {
                case "rcn" -> request.resultContent(integer(name, single(name, raw)));
                case "rt" -> request.responseType(integer(name, single(name, raw)));
                case "rp" -> request.resultPersistence(single(name, raw));
                case "drt" -> request.desiredIdentifierResultType(integer(name, single(name, raw)));
                case "da" -> bool(name, single(name, raw)); // deliveryAggregation: no CMDH in OneEdge, accepted and dropped
                case "atrl" -> request.attributeList(list(raw));
                default -> {
                    anyFilter = true;
                    decodeFilter(name, raw, fc);
                }
            }
        }
        if (anyFilter) {
            request.filterCriteria(fc.build());
        }
    }

    private static void decodeFilter(String name, List<String> raw, FilterBuilder fc) {
        switch (name) {
            case "fu" -> fc.filterUsage = integer(name, single(name, raw));
            case "fo" -> fc.filterOperation = integer(name, single(name, raw));
            case "ty" -> list(raw).forEach(v -> fc.resourceTypes.add(integer(name, v)));
            case "lbl" -> fc.labels.addAll(list(raw));
            case "rn" -> fc.resourceNames.addAll(list(raw));
            case "cty" -> fc.contentTypes.addAll(list(raw));
            case "crb" -> fc.createdBefore = timestamp(name, single(name, raw));
            case "cra" -> fc.createdAfter = timestamp(name, single(name, raw));
            case "ms" -> fc.modifiedSince = timestamp(name, single(name, raw));
            case "us" -> fc.unmodifiedSince = timestamp(name, single(name, raw));
            case "exb" -> fc.expireBefore = timestamp(name, single(name, raw));
            case "exa" -> fc.expireAfter = timestamp(name, single(name, raw));
            case "sts" -> fc.stateTagSmaller = integer(name, single(name, raw));
            case "stb" -> fc.stateTagBigger = integer(name, single(name, raw));
            case "sza" -> fc.sizeAbove = longValue(name, single(name, raw));
            case "szb" -> fc.sizeBelow = longValue(name, single(name, raw));
            case "lim" -> fc.limit = integer(name, single(name, raw));
            case "ofst" -> fc.offset = integer(name, single(name, raw));
            case "lvl" -> fc.level = integer(name, single(name, raw));
            case "arp" -> fc.applyRelativePath = single(name, raw);
            default -> {
                if (UNSUPPORTED.contains(name) || name.startsWith("c.") || name.startsWith("p.")) {
                    throw new OneM2MException(ResponseStatusCode.NOT_IMPLEMENTED,
                            "query parameter " + name + " is not supported");
                }
                if (name.isEmpty()) {
                    throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "query parameter without a name");
                }
                // Repeats of one attribute condition are OR-ed (TS-0001 8.1.2); the model holds one string per
                // attribute, so they are kept +-joined as on the wire.
                StringJoiner joined = new StringJoiner("+");
                raw.forEach(v -> joined.add(PercentCoding.decode(v)));
                fc.attributes.put(name, joined.toString());
            }
        }
    }

    /** The query string (without {@code ?}) for a request, or null when it has no query fields. */
    public static String encode(Request request) {
        List<String> out = new ArrayList<>();
        add(out, "rcn", request.resultContent());
        add(out, "rt", request.responseType());
        add(out, "rp", request.resultPersistence());
        add(out, "drt", request.desiredIdentifierResultType());
        FilterCriteria fc = request.filterCriteria();
        add(out, "fu", fc.filterUsage());
        add(out, "fo", fc.filterOperation());
        addList(out, "ty", fc.resourceTypes().stream().map(String::valueOf).toList());
        addList(out, "lbl", fc.labels());
        addList(out, "rn", fc.resourceNames());
        addList(out, "cty", fc.contentTypes());
        add(out, "crb", fc.createdBefore());
        add(out, "cra", fc.createdAfter());
        add(out, "ms", fc.modifiedSince());
        add(out, "us", fc.unmodifiedSince());
        add(out, "exb", fc.expireBefore());
        add(out, "exa", fc.expireAfter());
        add(out, "sts", fc.stateTagSmaller());
        add(out, "stb", fc.stateTagBigger());
        add(out, "sza", fc.sizeAbove());
        add(out, "szb", fc.sizeBelow());
        add(out, "lim", fc.limit());
        add(out, "ofst", fc.offset());
        add(out, "lvl", fc.level());
        add(out, "arp", fc.applyRelativePath());
        fc.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.add(
                PercentCoding.encode(e.getKey(), "") + "=" + PercentCoding.encode(e.getValue(), VALUE_SAFE + "+")));
        addList(out, "atrl", request.attributeList());
        return out.isEmpty() ? null : String.join("&", out);
    }

    private static void add(List<String> out, String name, Object value) {
        if (value != null) {
            String text = value instanceof Instant t ? TimestampCodec.formatExact(t, 6) : value.toString();
            out.add(name + "=" + PercentCoding.encode(text, VALUE_SAFE));
        }
    }

    private static void addList(List<String> out, String name, List<String> values) {
        if (!values.isEmpty()) {
            StringJoiner joined = new StringJoiner("+");
            values.forEach(v -> joined.add(PercentCoding.encode(v, VALUE_SAFE)));
            out.add(name + "=" + joined);
        }
    }

    private static Map<String, List<String>> split(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeOrRefuse("query parameter name", eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** A single value, percent-decoded; a repeated single-valued field is refused. */
    private static String single(String name, List<String> raw) {
        if (raw.size() > 1) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, "query parameter " + name + " is given "
                    + raw.size() + " times but takes one value");
        }
        return decodeOrRefuse("query parameter " + name, raw.get(0));
    }

    /** All values of a list field: repeated fields and {@code +}-joined values, each percent-decoded. */
    private static List<String> list(List<String> raw) {
        List<String> values = new ArrayList<>();
        for (String r : raw) {
            for (String part : r.split("\\+")) {
                if (!part.isEmpty()) {
                    values.add(decodeOrRefuse("query value", part));
                }
            }
        }
        return values;
    }

    private static String decodeOrRefuse(String what, String raw) {
        try {
            return PercentCoding.decode(raw);
        } catch (IllegalArgumentException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, what + ": " + e.getMessage());
        }
    }

    private static Integer integer(String name, String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "query parameter " + name + " must be an integer, got '" + value + "'");
        }
    }

    private static Long longValue(String name, String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "query parameter " + name + " must be an integer, got '" + value + "'");
        }
    }

    private static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "query parameter " + name + " must be true or false, got '" + value + "'");
        };
    }

    private static Instant timestamp(String name, String value) {
        try {
            return TimestampCodec.parseWire(value);
        } catch (IllegalArgumentException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                    "query parameter " + name + " must be a oneM2M timestamp (YYYYMMDDTHHMMSS), got '" + value + "'");
        }
    }

    /** Mutable holder while reading the query; {@link FilterCriteria} itself is immutable. */
    private static final class FilterBuilder {
        Integer filterUsage;
        Integer filterOperation;
        final List<Integer> resourceTypes = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final List<String> resourceNames = new ArrayList<>();
        Instant createdBefore;
        Instant createdAfter;
        Instant modifiedSince;
        Instant unmodifiedSince;
        Integer stateTagSmaller;
        Integer stateTagBigger;
        Instant expireBefore;
        Instant expireAfter;
        Long sizeAbove;
        Long sizeBelow;
        final List<String> contentTypes = new ArrayList<>();
        Integer limit;
        Integer offset;
        Integer level;
        String applyRelativePath;
        final Map<String, String> attributes = new LinkedHashMap<>();

        FilterCriteria build() {
            return new FilterCriteria(filterUsage, filterOperation, resourceTypes, labels, resourceNames,
                    createdBefore, createdAfter, modifiedSince, unmodifiedSince, stateTagSmaller, stateTagBigger,
                    expireBefore, expireAfter, sizeAbove, sizeBelow, contentTypes, limit, offset, level,
                    applyRelativePath, attributes);
        }
    }
}
