package org.oneedge.binding.http.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed media type such as {@code application/vnd.onem2m-res+json; ty=3} (RFC 9110 8.3.1); oneM2M carries the
 * resource type of a CREATE in its {@code ty} parameter (TS-0009 6.4.3).
 *
 * @param type       lower-case type, e.g. {@code application}
 * @param subtype    lower-case subtype, e.g. {@code vnd.onem2m-res+json}
 * @param parameters parameters with lower-case names, values unquoted
 */
public record MediaType(String type, String subtype, Map<String, String> parameters) {

    public MediaType {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Parses one media type; throws {@link IllegalArgumentException} when it has no {@code type/subtype}. */
    public static MediaType parse(String text) {
        String[] parts = text.split(";");
        String essence = parts[0].trim().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        if (slash <= 0 || slash == essence.length() - 1) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a media type");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : p.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            params.put(name, value);
        }
        return new MediaType(essence.substring(0, slash), essence.substring(slash + 1), params);
    }

    /** Parses an {@code Accept} list, ignoring quality order (the first acceptable entry wins). */
    public static List<MediaType> parseList(String header) {
        List<MediaType> list = new ArrayList<>();
        for (String item : header.split(",")) {
            if (!item.isBlank()) {
                list.add(parse(item));
            }
        }
        return list;
    }

    /** {@code type/subtype} without parameters. */
    public String essence() {
        return type + "/" + subtype;
    }

    /** The structured-syntax suffix or the subtype itself: {@code json} for {@code vnd.onem2m-res+json}. */
    public String format() {
        int plus = subtype.lastIndexOf('+');
        return plus < 0 ? subtype : subtype.substring(plus + 1);
    }

    public boolean isWildcard() {
        return "*".equals(type) || "*".equals(subtype);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(essence());
        parameters.forEach((k, v) -> sb.append(';').append(k).append('=').append(v));
        return sb.toString();
    }
}
