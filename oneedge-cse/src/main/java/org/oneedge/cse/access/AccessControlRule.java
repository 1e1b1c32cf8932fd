package org.oneedge.cse.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code acr} entry of an access control policy (TS-0003 7.1.4, digest §5.1): who ({@code acor}), what
 * ({@code acop} bit mask) and optionally when ({@code acco}) and for which child types on CREATE ({@code acod/chty}).
 *
 * <p>{@code acor} entries are {@code all}, originator ids in any format (compared through {@link OriginatorId}
 * forms), SP domains ({@code //sp.example} covers every originator of that SP), or patterns where {@code *} stands for
 * any run of characters inside one path segment ({@code /id-mn/*}, {@code C98*}).
 *
 * @param originators     {@code acor}
 * @param operations      {@code acop}: 1 CREATE, 2 RETRIEVE, 4 UPDATE, 8 DELETE, 16 NOTIFY, 32 DISCOVERY
 * @param contexts        {@code acco}; empty means any context
 * @param createChildTypes union of the {@code acod/chty} lists, empty when the rule has no {@code acod}
 */
public record AccessControlRule(List<String> originators, int operations, List<AccessControlContext> contexts,
                                Set<Integer> createChildTypes) {

    /** The {@code acor} value granting everyone. */
    public static final String ALL = "all";
    /** All six operation bits. */
    public static final int ALL_OPERATIONS = 63;

    public AccessControlRule {
        originators = List.copyOf(originators);
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
        createChildTypes = createChildTypes == null ? Set.of() : Set.copyOf(createChildTypes);
        if (operations < 0 || operations > ALL_OPERATIONS) {
            throw new IllegalArgumentException("acop must lie in 0..63, was " + operations);
        }
    }

    public static AccessControlRule of(List<String> originators, int operations) {
        return new AccessControlRule(originators, operations, List.of(), Set.of());
    }

    /** True when this rule grants {@code request}. */
    public boolean permits(AccessRequest request, OriginatorId ids, Instant now) {
        return (operations & request.privilege()) != 0
                && coversOriginator(request.originator(), ids)
                && (contexts.isEmpty() || contexts.stream().anyMatch(c -> c.matches(now)))
                && (createChildTypes.isEmpty() || request.childType() == null
                    || createChildTypes.contains(request.childType()));
    }

    /** True when {@code originator} is listed in {@code acor}, literally, by pattern, by SP domain or via {@code all}. */
    public boolean coversOriginator(String originator, OriginatorId ids) {
        if (originator == null || originator.isBlank()) {
            return false;
        }
        Set<String> forms = ids.forms(originator);
        for (String entry : originators) {
            if (entry.equals(ALL)) {
                return true;
            }
            if (isSpDomain(entry)) {
                String prefix = entry + "/";
                if (forms.stream().anyMatch(f -> f.startsWith(prefix))) {
                    return true;
                }
                continue;
            }
            if (entry.indexOf('*') >= 0) {
                Pattern pattern = wildcard(entry);
                if (forms.stream().anyMatch(f -> pattern.matcher(f).matches())) {
                    return true;
                }
            } else if (forms.stream().anyMatch(ids.forms(entry)::contains)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpDomain(String entry) {
        return entry.startsWith("//") && entry.indexOf('/', 2) < 0 && entry.indexOf('*') < 0;
    }

    private static Pattern wildcard(String entry) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = entry.indexOf('*'); star >= 0; star = entry.indexOf('*', start)) {
            regex.append(Pattern.quote(entry.substring(start, star))).append("[^/]*");
            start = star + 1;
        }
        regex.append(Pattern.quote(entry.substring(start)));
        return Pattern.compile(regex.toString());
    }
}
