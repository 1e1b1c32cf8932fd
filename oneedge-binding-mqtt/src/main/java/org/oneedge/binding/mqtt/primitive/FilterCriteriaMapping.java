package org.oneedge.binding.mqtt.primitive;

import static org.oneedge.binding.mqtt.primitive.PrimitiveFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.oneedge.model.FilterCriteria;

/**
 * {@link FilterCriteria} as the {@code fc} member of a request primitive, with the short names of TS-0004 6.3.5.8
 * ({@code fu}, {@code fo}, {@code ty}, {@code lbl}, {@code cra}, …). Attribute conditions travel as
 * {@code atr:[{nm,val}]}; other unknown members are read as attribute conditions too, as ACME does.
 */
final class FilterCriteriaMapping {
    private static final Set<String> KNOWN = Set.of("fu", "fo", "ty", "lbl", "rn", "crb", "cra", "ms", "us", "sts",
            "stb", "exb", "exa", "sza", "szb", "cty", "lim", "ofst", "lvl", "arp", "atr");

    private FilterCriteriaMapping() {
    }

    static ObjectNode toJson(FilterCriteria fc) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        put(n, "fu", fc.filterUsage());
        put(n, "fo", fc.filterOperation());
        putIntegers(n, "ty", fc.resourceTypes());
        putTexts(n, "lbl", fc.labels());
        putTexts(n, "rn", fc.resourceNames());
        put(n, "crb", fc.createdBefore());
        put(n, "cra", fc.createdAfter());
        put(n, "ms", fc.modifiedSince());
        put(n, "us", fc.unmodifiedSince());
        put(n, "sts", fc.stateTagSmaller());
        put(n, "stb", fc.stateTagBigger());
        put(n, "exb", fc.expireBefore());
        put(n, "exa", fc.expireAfter());
        put(n, "sza", fc.sizeAbove());
        put(n, "szb", fc.sizeBelow());
        putTexts(n, "cty", fc.contentTypes());
        put(n, "lim", fc.limit());
        put(n, "ofst", fc.offset());
        put(n, "lvl", fc.level());
        put(n, "arp", fc.applyRelativePath());
        if (!fc.attributes().isEmpty()) {
            ArrayNode atr = n.putArray("atr");
            fc.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> atr.addObject().put("nm", e.getKey()).put("val", e.getValue()));
        }
        return n;
    }

    static FilterCriteria fromJson(JsonNode n) {
        if (n == null || n.isNull()) {
            return FilterCriteria.NONE;
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException("fc must be an object");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode atr = n.get("atr");
        if (atr != null && !atr.isNull()) {
            if (!atr.isArray()) {
                throw new IllegalArgumentException("fc/atr must be a list of {nm,val}");
            }
            for (JsonNode a : atr) {
                String nm = text(a, "nm");
                if (nm == null) {
                    throw new IllegalArgumentException("fc/atr entries need nm");
                }
                JsonNode val = a.get("val");
                attributes.put(nm, val == null || val.isNull() ? "" : val.isValueNode() ? val.asText() : val.toString());
            }
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (!KNOWN.contains(e.getKey())) {
                JsonNode v = e.getValue();
                attributes.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        }
        try {
            return new FilterCriteria(integer(n, "fu"), integer(n, "fo"), integerList(n, "ty"), textList(n, "lbl"),
                    textList(n, "rn"), timestamp(n, "crb"), timestamp(n, "cra"), timestamp(n, "ms"),
                    timestamp(n, "us"), integer(n, "sts"), integer(n, "stb"), timestamp(n, "exb"),
                    timestamp(n, "exa"), longValue(n, "sza"), longValue(n, "szb"), textList(n, "cty"),
                    integer(n, "lim"), integer(n, "ofst"), integer(n, "lvl"), text(n, "arp"), attributes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fc/" + e.getMessage(), e);
        }
    }
}
