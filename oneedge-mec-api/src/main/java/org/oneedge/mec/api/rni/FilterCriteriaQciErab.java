package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Which bearer a {@link RabRelSubscription} or {@link RabModSubscription} watches (MEC 012 {@code FilterCriteriaQci1},
 * carried in the {@code filterCriteriaQci} attribute): E-RAB {@code erabId} of QoS class {@code qci} (both required),
 * optionally only in the listed cells.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterCriteriaQciErab(String appInstanceId, Integer erabId, List<Ecgi> ecgi, Integer qci) {

    public FilterCriteriaQciErab {
        if (erabId == null) {
            throw new IllegalArgumentException("filterCriteriaQci.erabId is required");
        }
        if (qci == null) {
            throw new IllegalArgumentException("filterCriteriaQci.qci is required");
        }
    }
}
