package org.oneedge.cse.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.FilterCriteria;

/**
 * Decides whether a resource matches the conditions of a {@link FilterCriteria} (TS-0001 8.1.2, TS-0004 7.3.3.17,
 * digest §2.4): each condition tag is one test, values repeated within a tag are OR-ed, and the tags combine with
 * {@code fo} (1 AND, 2 OR). No condition at all matches everything. Used by discovery and conditional retrieval.
 */
public final class FilterMatcher {

    private final List<Predicate<Resource>> conditions;
    private final boolean any;

    private FilterMatcher(List<Predicate<Resource>> conditions, boolean any) {
        this.conditions = conditions;
        this.any = any;
    }

    public static FilterMatcher of(FilterCriteria fc) {
        List<Predicate<Resource>> c = new ArrayList<>();
        if (!fc.resourceTypes().isEmpty()) {
            c.add(r -> fc.resourceTypes().contains(r.type().ty()));
        }
        if (!fc.labels().isEmpty()) {
            c.add(r -> anyTextIn(r.attributes().get("lbl"), fc.labels()));
        }
        if (!fc.resourceNames().isEmpty()) {
            c.add(r -> fc.resourceNames().contains(r.rn()));
        }
        if (fc.createdBefore() != null) {
            c.add(r -> r.createdAt().isBefore(fc.createdBefore()));
        }
        if (fc.createdAfter() != null) {
            c.add(r -> r.createdAt().isAfter(fc.createdAfter()));
        }
        if (fc.modifiedSince() != null) {
            c.add(r -> !r.modifiedAt().isBefore(fc.modifiedSince()));
        }
        if (fc.unmodifiedSince() != null) {
            c.add(r -> r.modifiedAt().isBefore(fc.unmodifiedSince()));
        }
        if (fc.expireBefore() != null) {
            c.add(r -> r.expiresAt() != null && r.expiresAt().isBefore(fc.expireBefore()));
        }
        if (fc.expireAfter() != null) {
            c.add(r -> r.expiresAt() == null || r.expiresAt().isAfter(fc.expireAfter()));
        }
        if (fc.stateTagSmaller() != null) {
            c.add(r -> number(r, "st") != null && number(r, "st") < fc.stateTagSmaller());
        }
        if (fc.stateTagBigger() != null) {
            c.add(r -> number(r, "st") != null && number(r, "st") > fc.stateTagBigger());
        }
        if (fc.sizeAbove() != null) {
            c.add(r -> number(r, "cs") != null && number(r, "cs") >= fc.sizeAbove());
        }
        if (fc.sizeBelow() != null) {
            c.add(r -> number(r, "cs") != null && number(r, "cs") < fc.sizeBelow());
        }
        if (!fc.contentTypes().isEmpty()) {
            c.add(r -> {
                JsonNode cnf = r.attributes().get("cnf");
                if (cnf == null || !cnf.isTextual()) {
                    return false;
                }
                String text = cnf.asText();
                int colon = text.indexOf(':');
                String type = colon < 0 ? text : text.substring(0, colon);
                return fc.contentTypes().contains(type) || fc.contentTypes().contains(text);
            });
        }
        for (Map.Entry<String, String> attribute : fc.attributes().entrySet()) {
            Pattern pattern = wildcard(attribute.getValue());
            String name = attribute.getKey();
            c.add(r -> matchesValue(r.attributes().get(name), pattern));
        }
        Integer fo = fc.filterOperation();
        return new FilterMatcher(List.copyOf(c), fo != null && fo == 2);
    }

    /** True when the criteria hold at least one condition. */
    public boolean hasConditions() {
        return !conditions.isEmpty();
    }

    public boolean matches(Resource resource) {
        if (conditions.isEmpty()) {
            return true;
        }
        for (Predicate<Resource> condition : conditions) {
            boolean ok = condition.test(resource);
            if (any && ok) {
                return true;
            }
            if (!any && !ok) {
                return false;
            }
        }
        return !any;
    }

    /** True when the resource has not expired at {@code now}. */
    public static boolean live(Resource resource, Instant now) {
        return resource.expiresAt() == null || resource.expiresAt().isAfter(now);
    }

    private static Long number(Resource r, String name) {
        JsonNode v = r.attributes().get(name);
        return v != null && v.isNumber() ? v.asLong() : null;
    }

    private static boolean anyTextIn(JsonNode list, List<String> wanted) {
        if (list == null || !list.isArray()) {
            return false;
        }
        for (JsonNode e : list) {
            if (wanted.contains(e.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesValue(JsonNode value, Pattern pattern) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isArray()) {
            for (JsonNode e : value) {
                if (matchesValue(e, pattern)) {
                    return true;
                }
            }
            return false;
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        return pattern.matcher(text).matches();
    }

    /** {@code *} stands for any run of characters; everything else is literal. */
    private static Pattern wildcard(String value) {
        String[] parts = value.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
