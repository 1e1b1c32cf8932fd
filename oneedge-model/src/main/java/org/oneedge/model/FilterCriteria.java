package org.oneedge.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Filter criteria of a RETRIEVE, UPDATE or DELETE (TS-0004 6.3.5.8, TS-0009 Table 6.2.2.2-1).
 * {@code fu=1} turns a RETRIEVE into discovery. Absent values are {@code null}; lists are never null.
 *
 * @param filterUsage      {@code fu}: 1 discovery, 2 conditional retrieval (default), 3 IPE on-demand discovery
 * @param filterOperation  {@code fo}: 1 AND (default), 2 OR
 * @param attributes       attribute conditions by short name ({@code <sn>=<value>}, {@code *} wildcards allowed)
 */
public record FilterCriteria(
        Integer filterUsage,
        Integer filterOperation,
        List<Integer> resourceTypes,
        List<String> labels,
        List<String> resourceNames,
        Instant createdBefore,
        Instant createdAfter,
        Instant modifiedSince,
        Instant unmodifiedSince,
        Integer stateTagSmaller,
        Integer stateTagBigger,
        Instant expireBefore,
        Instant expireAfter,
        Long sizeAbove,
        Long sizeBelow,
        List<String> contentTypes,
        Integer limit,
        Integer offset,
        Integer level,
        String applyRelativePath,
        Map<String, String> attributes) {

    public static final FilterCriteria NONE = new FilterCriteria(null, null, List.of(), List.of(), List.of(),
            null, null, null, null, null, null, null, null, null, null, List.of(), null, null, null, null, Map.of());

    public FilterCriteria {
        resourceTypes = resourceTypes == null ? List.of() : List.copyOf(resourceTypes);
        labels = labels == null ? List.of() : List.copyOf(labels);
        resourceNames = resourceNames == null ? List.of() : List.copyOf(resourceNames);
        contentTypes = contentTypes == null ? List.of() : List.copyOf(contentTypes);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** True when this is a discovery request ({@code fu=1}). */
    public boolean isDiscovery() {
        return filterUsage != null && filterUsage == 1;
    }
}
