package org.oneedge.mec.api.servicemgmt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * MEC 011 {@code FilteringCriteria} of a service availability subscription; {@code serInstanceIds}, {@code serNames}
 * and {@code serCategories} are mutually exclusive.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FilteringCriteria(List<String> serInstanceIds, List<String> serNames, List<CategoryRef> serCategories,
                                List<ServiceState> states, @JsonProperty("isLocal") Boolean isLocal) {

    public FilteringCriteria {
        int exclusive = (serInstanceIds != null && !serInstanceIds.isEmpty() ? 1 : 0)
                + (serNames != null && !serNames.isEmpty() ? 1 : 0)
                + (serCategories != null && !serCategories.isEmpty() ? 1 : 0);
        if (exclusive > 1) {
            throw new IllegalArgumentException("serInstanceIds, serNames and serCategories are mutually exclusive");
        }
    }

    public static FilteringCriteria serNames(String... names) {
        return new FilteringCriteria(null, List.of(names), null, null, null);
    }
}
