package org.oneedge.mec.api.location;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Limits on notifications of a subscription (MEC 013 6.5.6): count, frequency, minimum interval (seconds). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportingCtrl(Integer maximumCount, Integer maximumFrequency, Integer minimumInterval) {
}
