package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Which RAB establishments a {@link RabEstSubscription} wants (MEC 012 {@code FilterCriteriaQci}): bearers of QoS
 * class {@code qci} (required), optionally only in the listed cells.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterCriteriaQci(String appInstanceId, List<Ecgi> ecgi, Integer qci) {

    public FilterCriteriaQci {
        if (qci == null) {
            throw new IllegalArgumentException("filterCriteriaQci.qci is required");
        }
    }
}
